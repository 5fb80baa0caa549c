// A workbook is a zip of XML parts. It is opened by its central directory (unzipper), so only
// the parts the import needs are inflated, in the order it needs them (styles and shared
// strings before the sheet), each as a stream: nothing is unpacked whole, in memory or on disk.
// Every inflated byte counts against one budget: a zip bomb (a small file that inflates to
// gigabytes) ends in a clear error when the budget is spent, checked first on the sizes the zip
// declares, then on the bytes it really yields (a crafted zip may lie about them).
import { createReadStream, read } from 'node:fs';
import { Open, type CentralDirectoryFile } from 'unzipper';
import { AppError } from '../../shared/domain/errors';

export class WorkbookZip {
  private inflated = 0;

  private constructor(
    private readonly entries: Map<string, CentralDirectoryFile>,
    private readonly file: string,
    private readonly maxInflated: number,
  ) {}

  /** Reads the zip's directory from an open descriptor (a regular file, see regularFile.ts). */
  static async open(fd: number, size: number, file: string, maxInflated: number): Promise<WorkbookZip> {
    let files: CentralDirectoryFile[];
    try {
      const dir = await Open.custom({
        size: () => Promise.resolve(size),
        // Positional reads on the one descriptor, which the worker closes when done: a stream
        // destroyed early (its part read, or a limit hit) must not close it under the others.
        stream: (offset, length) =>
          createReadStream('', {
            fd,
            autoClose: false,
            fs: { read, close: (_fd: number, done: (e: null) => void) => done(null) },
            start: offset,
            end: length ? offset + length - 1 : undefined,
          }),
      });
      files = dir.files;
    } catch (e) {
      throw new AppError(
        'import_failed',
        `Not a readable .xlsx workbook: ${String((e as Error).message).slice(0, 200)}`,
        {
          where: { file },
          hint: 'Save the file again from Excel as .xlsx.',
        },
      );
    }
    const entries = new Map<string, CentralDirectoryFile>();
    for (const f of files) if (f.type === 'File') entries.set(f.path.replace(/\\/g, '/').toLowerCase(), f);
    return new WorkbookZip(entries, file, maxInflated);
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /**
   * Refuses at once when the parts about to be read declare more than the budget: an honest
   * bomb is stopped before a byte is inflated.
   */
  checkDeclared(parts: string[]): void {
    const declared = parts.reduce((sum, p) => sum + (this.entries.get(p.toLowerCase())?.uncompressedSize ?? 0), 0);
    if (declared > this.maxInflated) throw this.overBudget(declared);
  }

  /** The part's inflated bytes, chunk by chunk, counted against the budget. */
  async *read(part: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) return;
    // Any part, the small ones included: one declaring more than is left is not inflated at all.
    if (this.inflated + entry.uncompressedSize > this.maxInflated) {
      throw this.overBudget(this.inflated + entry.uncompressedSize);
    }
    const stream = entry.stream();
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > this.maxInflated) throw this.overBudget(this.inflated);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(
        'import_failed',
        `The workbook's part ${part} cannot be unpacked: ${String((e as Error).message).slice(0, 200)}`,
        {
          where: { file: this.file },
          hint: 'The file is damaged or not a real .xlsx: save it again from Excel.',
        },
      );
    } finally {
      stream.destroy();
    }
  }

  private overBudget(bytes: number): AppError {
    return new AppError(
      'import_failed',
      `The workbook unpacks to more than ${mb(this.maxInflated)} of XML (at least ${mb(bytes)}), over the limit for reading a workbook.`,
      {
        where: { file: this.file },
        hint: 'A workbook that unpacks this far is likely damaged or a zip bomb; for a real export, export the sheet as CSV or split the workbook.',
      },
    );
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;
