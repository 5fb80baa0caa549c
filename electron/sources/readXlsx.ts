// Reads a workbook in a worker thread (xlsxWorker.ts). The worker streams the sheet and checks
// its limits as it goes; its heap limit is the second line of defence: a workbook that still
// needs more memory ends in a clear error, not in the app going down. Rows come back in batches, each acknowledged before the next is sent.
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/domain/errors';
import { workerScript } from '../paths';
import type { ReadOptions, RowSink } from './readRows';
import type { XlsxJob, XlsxMessage } from './xlsxWorker';

export function readXlsx(path: string, sink: RowSink, opts: ReadOptions): Promise<void> {
  return new XlsxReader(path, opts).read(sink);
}

/**
 * A workbook being read in its worker. Started early (see importSource), the worker unpacks the
 * workbook while the main thread imports other files; its first batch waits until read() is
 * called, and each later one until the previous was taken.
 */
export class XlsxReader {
  private readonly worker: Worker;
  private readonly file: string;
  private sink?: RowSink;
  private pending: XlsxMessage | undefined;
  private failure: unknown;
  private settled = false;
  private resolve?: () => void;
  private reject?: (e: unknown) => void;

  constructor(
    path: string,
    private readonly opts: ReadOptions,
  ) {
    this.file = basename(path);
    const job: XlsxJob = {
      path,
      sheet: opts.sheet,
      maxCellChars: opts.limits.maxCellChars,
      maxInflatedBytes: opts.limits.maxXlsxInflatedBytes,
      maxRows: opts.limits.maxXlsxRows,
    };
    this.worker = new Worker(workerScript('xlsxWorker.cjs'), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: opts.limits.xlsxMemoryMb },
    });
    this.worker.on('message', (m: XlsxMessage) => {
      if (this.sink) this.take(m);
      else this.pending = m;
    });
    this.worker.on('error', (e: Error & { code?: string }) => this.fail(this.workerError(e)));
    this.worker.on('exit', (code) => {
      this.fail(
        new AppError('import_failed', `The workbook reader stopped (exit code ${code}).`, {
          where: { file: this.file },
        }),
      );
    });
  }

  read(sink: RowSink): Promise<void> {
    return new Promise((resolve, reject) => {
      this.sink = sink;
      this.resolve = resolve;
      this.reject = reject;
      if (this.failure !== undefined) this.finish(this.failure);
      else if (this.pending) this.take(this.pending);
    });
  }

  /** Stops the worker (an import that failed elsewhere no longer needs the workbook). */
  close(): void {
    this.settled = true;
    void this.worker.terminate();
  }

  private take(m: XlsxMessage): void {
    const sink = this.sink!;
    this.pending = undefined;
    try {
      if (m.type === 'header') sink.header(m.cells, m.row, { sheet: m.sheet, date1904: m.date1904 });
      else if (m.type === 'rows') sink.rows(m.rows, m.firstRow);
      else if (m.type === 'error') return this.finish(new AppError(m.error.code, m.error.message, m.error));
      else return this.finish();
      this.worker.postMessage('next');
    } catch (e) {
      this.finish(e);
    }
  }

  private fail(e: unknown): void {
    if (this.settled || this.failure !== undefined) return;
    if (this.sink) this.finish(e);
    else this.failure = e;
  }

  private finish(e?: unknown): void {
    if (this.settled) return;
    this.settled = true;
    void this.worker.terminate();
    if (e !== undefined) this.reject!(e);
    else this.resolve!();
  }

  private workerError(e: Error & { code?: string }): AppError {
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new AppError(
        'import_failed',
        `The workbook needs more than the ${this.opts.limits.xlsxMemoryMb} MB allowed for reading it.`,
        {
          where: { file: this.file, sheet: this.opts.sheet },
          hint: 'Export the sheet as CSV (read as a stream), or split the workbook.',
        },
      );
    }
    return new AppError('import_failed', `Cannot read the workbook: ${e.message}`, { where: { file: this.file } });
  }
}
