// The part of unzipper's API the workbook reader uses (the package ships no types): the zip's
// central directory, read from a custom source, and each entry as an inflating stream.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    compressedSize: number;
    /** As the zip declares it: a crafted zip may inflate past it. */
    uncompressedSize: number;
    stream(password?: string): Readable;
  }

  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }

  export interface Source {
    size(): Promise<number>;
    stream(offset: number, length?: number): Readable;
  }

  export const Open: {
    custom(source: Source, options?: object): Promise<CentralDirectory>;
  };
}
