// Streaming CSV writer (RFC 4180 quoting) with back-pressure, for exports of any size. Text that a
// spreadsheet would read as a formula is written inert (shared/domain/spreadsheetText.ts).
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { spreadsheetValue } from '../../shared/domain/spreadsheetText';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(spreadsheetValue(value));
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export class CsvWriter {
  private readonly out: WriteStream;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }

  async writeRow(fields: readonly (string | number | null | undefined)[]): Promise<void> {
    const line = fields.map(csvField).join(',') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}
