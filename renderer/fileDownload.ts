// A file the API made (minutes, a calendar) saved through an <a download>, which works the same
// in the Electron window and in browser mode.
import type { FileOutT } from '../shared/api';
import { fileBytes } from './fileBytes';

/** Saves the file under its own name; the object URL is released once the click has started the download. */
export function downloadFile(file: FileOutT): void {
  const url = URL.createObjectURL(new Blob([fileBytes(file)], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download by the time it returns.
  queueMicrotask(() => URL.revokeObjectURL(url));
}
