// A progress line on stderr for long CLI work: rewritten in place on a terminal, one line
// every two seconds otherwise (CI logs), never on stdout (which may be --json). The label names
// a file: it is shown escaped, or a name holding an escape sequence would drive the terminal.
import { shownName } from '../shared/domain/displayName';

interface ErrIo {
  err(line: string): void;
  isTTY: boolean;
}

export class ProgressLine {
  private last = 0;
  private started = Date.now();
  private shown = false;

  constructor(private readonly io: ErrIo) {}

  update(label: string, rows: number, fraction?: number): void {
    const now = Date.now();
    const every = this.io.isTTY ? 150 : 2000;
    if (now - this.last < every) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? Math.round(rows / secs) : 0;
    const percent = fraction === undefined ? '' : ` ${Math.floor(fraction * 100)}%`;
    const line = `${shownName(label)}:${percent} ${rows.toLocaleString('en')} rows (${rate.toLocaleString('en')} rows/s)`;
    if (this.io.isTTY) process.stderr.write(`\r\x1b[K${line}`);
    else this.io.err(line);
    this.shown = true;
  }

  done(): void {
    if (this.shown && this.io.isTTY) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
