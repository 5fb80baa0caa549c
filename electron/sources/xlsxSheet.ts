// One worksheet's rows, streamed from its XML part: memory holds the shared strings and the rows
// of one chunk, never the sheet. The limits are checked as the XML arrives: a cell's text past
// the cell limit stops being kept at once (its length is still counted, for the message), a
// column past Excel's last one and a row past the row limit end the read there.
import { AppError, type ErrorWhere } from '../../shared/domain/errors';
import { cellTooLarge } from './rowChecks';
import type { LongString } from './xlsxParts';
import { XmlStream } from './xlsxXml';
import type { WorkbookZip } from './xlsxZip';

/** Excel's own grid: 16,384 columns (XFD). */
export const EXCEL_MAX_COLUMNS = 16_384;

export interface SheetRow {
  /** 1-based row number in the sheet. */
  row: number;
  cells: string[];
}

export interface SheetSource {
  file: string;
  sheet: string;
  sharedStrings: readonly (string | LongString)[];
  /** By cell style index: whether the style shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxCellChars: number;
  maxRows: number;
}

const CELL_HINT = 'Check the cell in the workbook: a pasted document or a formula gone wrong can do this.';

/** Reads a sheet's rows with values; the first is the header, the rest data rows. */
export class SheetReader {
  /** The header row's cells, trimmed; until it is read a cell is named by its reference (C5). */
  header?: string[];
  private rowsSeen = 0;
  private out: SheetRow[] = [];
  // The row and cell being parsed.
  private rowNumber = 0;
  private cells: string[] = [];
  private hasValue = false;
  private col = 0;
  private ref = '';
  private type = 'n';
  private style = 0;
  private text = '';
  private textLength = 0;
  /** Which element's text is being read: v (a value) or t (inline text outside phonetic runs). */
  private capture: 'v' | 't' | undefined;
  private inInline = false;
  private inPhonetic = false;
  private inData = false;
  private xml: XmlStream;

  constructor(
    private readonly zip: WorkbookZip,
    private readonly part: string,
    private readonly src: SheetSource,
  ) {
    this.xml = new XmlStream(src.file, part, {
      open: (name, a) => this.open(name, a),
      close: (name) => this.close(name),
      text: (s) => this.onText(s),
    });
  }

  /** The rows of each inflated chunk, in order. */
  async *rows(): AsyncGenerator<SheetRow[]> {
    for await (const chunk of this.zip.read(this.part)) {
      this.xml.write(chunk);
      if (this.out.length > 0) yield this.take();
    }
    this.xml.end();
    if (this.out.length > 0) yield this.take();
  }

  private take(): SheetRow[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }

  private open(name: string, a: Record<string, string>): void {
    if (name === 'sheetData') this.inData = true;
    else if (!this.inData) return;
    else if (name === 'row') this.startRow(a.r);
    else if (name === 'c') this.startCell(a);
    else if (name === 'v') this.startText('v');
    else if (name === 'is') this.inInline = true;
    else if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && this.inInline && !this.inPhonetic) this.capture = 't';
  }

  private close(name: string): void {
    if (!this.inData) return;
    if (name === 'sheetData') this.inData = false;
    else if (name === 'row') this.endRow();
    else if (name === 'c') this.endCell();
    else if (name === 'v' || name === 't') this.capture = undefined;
    else if (name === 'is') this.inInline = false;
    else if (name === 'rPh') this.inPhonetic = false;
  }

  private onText(s: string): void {
    if (this.capture === undefined) return;
    this.textLength += s.length;
    // Past the limit only the length is kept: one huge cell never fills the memory.
    if (this.textLength <= this.src.maxCellChars) this.text += s;
  }

  private startRow(r: string | undefined): void {
    this.rowsSeen++;
    if (this.rowsSeen > this.src.maxRows) {
      this.xml.fail(
        new AppError(
          'import_failed',
          `The sheet has more than ${this.src.maxRows.toLocaleString('en')} rows, over the limit for a workbook.`,
          {
            where: { file: this.src.file, sheet: this.src.sheet, row: this.rowNumber + 1 },
            hint: 'Export the sheet as CSV (read as a stream), or split it.',
          },
        ),
      );
      return;
    }
    const n = r === undefined ? this.rowNumber + 1 : Number(r);
    this.rowNumber = Number.isSafeInteger(n) && n > 0 ? n : this.rowNumber + 1;
    this.cells = [];
    this.hasValue = false;
    this.col = 0;
  }

  private startCell(a: Record<string, string>): void {
    this.ref = a.r ?? '';
    const col = this.ref ? columnOf(this.ref) : this.col + 1;
    this.col = col > 0 ? col : this.col + 1;
    this.type = a.t ?? 'n';
    this.style = a.s === undefined ? 0 : Number(a.s);
    this.text = '';
    this.textLength = 0;
    this.inInline = false;
    this.inPhonetic = false;
    if (this.col > EXCEL_MAX_COLUMNS) {
      this.xml.fail(
        new AppError('import_failed', `The cell ${this.ref || `#${this.col}`} is past Excel's last column (XFD).`, {
          where: { file: this.src.file, sheet: this.src.sheet, row: this.rowNumber },
          hint: 'The file is damaged or was not written by a spreadsheet program: save it again from Excel.',
        }),
      );
    }
  }

  private startText(kind: 'v' | 't'): void {
    this.capture = kind;
    this.text = '';
    this.textLength = 0;
  }

  private endCell(): void {
    const value = this.cellValue();
    if (value === undefined) return;
    while (this.cells.length < this.col - 1) this.cells.push('');
    this.cells[this.col - 1] = value;
    if (value !== '') this.hasValue = true;
  }

  private endRow(): void {
    if (!this.hasValue) return;
    // The first row with values is the header: it names the columns of every later error.
    this.header ??= this.cells.map((h) => h.trim());
    this.out.push({ row: this.rowNumber, cells: this.cells });
  }

  private where(): ErrorWhere {
    const column = this.header?.[this.col - 1] || this.ref || `#${this.col}`;
    return { file: this.src.file, sheet: this.src.sheet, row: this.rowNumber, column };
  }

  /** The cell as text (dates as yyyy-MM-dd), or undefined after a failure. */
  private cellValue(): string | undefined {
    if (this.textLength > this.src.maxCellChars) {
      this.xml.fail(cellTooLarge(this.where(), this.textLength, this.src.maxCellChars, CELL_HINT));
      return undefined;
    }
    const v = this.text;
    switch (this.type) {
      case 's':
        return this.sharedString(v);
      case 'inlineStr':
      case 'str':
        return v;
      case 'e':
        // #N/A, #REF!...: no value to import, and an empty one would pass for a blank cell.
        this.xml.fail(
          new AppError('import_failed', `The cell holds the Excel error ${v.slice(0, 20)}.`, {
            where: { ...this.where(), value: v.slice(0, 20) },
            hint: 'Fix the formula or value in the workbook and save it again.',
          }),
        );
        return undefined;
      case 'b':
        return v === '' ? '' : String(v === '1' || v === 'true');
      case 'd': {
        const d = new Date(v);
        return Number.isNaN(d.getTime()) ? v : d.toISOString().slice(0, 10);
      }
      default:
        return this.number(v);
    }
  }

  private sharedString(v: string): string | undefined {
    const index = Number(v);
    const s = v === '' ? '' : this.src.sharedStrings[index];
    if (s === undefined) {
      this.xml.fail(
        new AppError('import_failed', `The cell refers to shared string ${v.slice(0, 20)}, which the workbook lacks.`, {
          where: this.where(),
          hint: 'The file is damaged: save it again from Excel.',
        }),
      );
      return undefined;
    }
    if (typeof s !== 'string') {
      this.xml.fail(cellTooLarge(this.where(), s.length, this.src.maxCellChars, CELL_HINT));
      return undefined;
    }
    return s;
  }

  /** A number cell; in a date style, its day as Excel shows it (exceljs's excelToDate). */
  private number(v: string): string {
    if (v === '') return '';
    const n = Number(v);
    if (Number.isNaN(n)) return v;
    if (this.src.dateStyles[this.style]) {
      const ms = Math.round((n - 25569 + (this.src.date1904 ? 1462 : 0)) * 86_400_000);
      const d = new Date(ms);
      if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
    }
    return String(n);
  }
}

/** The column number of a cell reference: C5 -> 3; 0 when it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > EXCEL_MAX_COLUMNS) return col;
  }
  return col;
}
