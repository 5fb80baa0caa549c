// The bytes of a file the API made (the contract's FileOut): text as UTF-8, binary formats (xlsx,
// pdf) decoded from base64. No DOM, so a unit test reads it in Node.
import type { FileOutT } from '../shared/api';

export function fileBytes(file: FileOutT): Uint8Array<ArrayBuffer> {
  if (file.encoding === 'utf8') return new TextEncoder().encode(file.content);
  const bin = atob(file.content);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
