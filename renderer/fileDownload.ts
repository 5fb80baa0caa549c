// A file the API made (minutes, a calendar): the contract's FileOut turned into bytes and saved
// through an <a download>, which works the same in the Electron window and in browser mode.
import type { FileOutT } from '../shared/api';

/** The file's bytes: text as UTF-8, binary formats (xlsx, pdf) decoded from base64. */
export function fileBytes(file: FileOutT): Uint8Array<ArrayBuffer> {
  if (file.encoding === 'utf8') return new TextEncoder().encode(file.content);
  const bin = atob(file.content);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

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
  // The download has taken its copy of the blob by the time the click returns.
  queueMicrotask(() => URL.revokeObjectURL(url));
}
