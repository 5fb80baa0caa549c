// Reads a workbook in a worker thread (xlsxWorker.ts) with a heap limit: exceljs unpacks the
// whole workbook in memory, and a workbook too large for the limit must end in a clear error,
// not take the app down. Rows come back in batches, each acknowledged before the next is sent.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/domain/errors';
import { appRoot } from '../paths';
import type { ReadOptions, RowSink } from './readRows';
import type { XlsxJob, XlsxMessage } from './xlsxWorker';

/** The bundled worker script; app.asar cannot hold a worker's code, so packaged builds unpack it. */
export function workerScript(name: string): string {
  const path = join(appRoot(), 'dist', name).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build`);
  return path;
}

export function readXlsx(path: string, sink: RowSink, opts: ReadOptions): Promise<void> {
  const file = basename(path);
  const job: XlsxJob = { path, sheet: opts.sheet, maxCellChars: opts.limits.maxCellChars };
  const worker = new Worker(workerScript('xlsxWorker.cjs'), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: opts.limits.xlsxMemoryMb },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (e?: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (e) reject(e);
      else resolve();
    };
    worker.on('message', (m: XlsxMessage) => {
      try {
        if (m.type === 'header') sink.header(m.cells, m.row, { sheet: m.sheet, date1904: m.date1904 });
        else if (m.type === 'rows') sink.rows(m.rows, m.firstRow);
        else if (m.type === 'error') return finish(new AppError(m.error.code, m.error.message, m.error));
        else return finish();
        worker.postMessage('next');
      } catch (e) {
        finish(e);
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(
          new AppError(
            'import_failed',
            `The workbook needs more than the ${opts.limits.xlsxMemoryMb} MB allowed for reading it.`,
            {
              where: { file, sheet: opts.sheet },
              hint: 'Export the sheet as CSV (read as a stream), or split the workbook.',
            },
          ),
        );
      } else finish(new AppError('import_failed', `Cannot read the workbook: ${e.message}`, { where: { file } }));
    });
    worker.on('exit', (code) => {
      if (!settled)
        finish(new AppError('import_failed', `The workbook reader stopped (exit code ${code}).`, { where: { file } }));
    });
  });
}
