// The small parts of a workbook the import needs before its sheet: where the workbook part is
// (_rels/.rels), its sheets and date system (workbook.xml), where each sheet, the shared strings
// and the styles are (its relationships), which cell styles are dates (styles.xml), and the
// shared strings themselves (the text of most cells).
import { posix } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { parsePart } from './xlsxXml';
import type { WorkbookZip } from './xlsxZip';

export interface WorkbookInfo {
  sheets: { name: string; part: string | undefined }[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

/** A relationship target as a zip path: relative to the part that names it, or absolute. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), target));
}

/** The relationships of a part: id -> { type (its last path segment), target as a zip path }. */
async function readRels(zip: WorkbookZip, file: string, part: string) {
  const relsPart = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  const rels = new Map<string, { type: string; part: string }>();
  await parsePart(zip, file, relsPart, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
        rels.set(a.Id, { type: (a.Type ?? '').split('/').pop()!, part: resolveTarget(part, a.Target) });
      }
    },
  });
  return rels;
}

export async function readWorkbookInfo(zip: WorkbookZip, file: string): Promise<WorkbookInfo> {
  const root = await readRels(zip, file, '');
  const workbook = [...root.values()].find((r) => r.type === 'officeDocument')?.part ?? 'xl/workbook.xml';
  if (!zip.has(workbook)) {
    throw new AppError('import_failed', 'Not a readable .xlsx workbook: it has no workbook part.', {
      where: { file },
      hint: 'Save the file again from Excel as .xlsx (not .xls renamed, not a .zip of other files).',
    });
  }
  const rels = await readRels(zip, file, workbook);
  const sheets: { name: string; rId: string }[] = [];
  let date1904 = false;
  await parsePart(zip, file, workbook, {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rId: a['r:id'] ?? a.id ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const byType = (type: string) => [...rels.values()].find((r) => r.type === type)?.part;
  return {
    sheets: sheets.map((s) => ({ name: s.name, part: rels.get(s.rId)?.part })),
    date1904,
    sharedStrings: byType('sharedStrings'),
    styles: byType('styles'),
  };
}

// Excel's built-in number formats that show dates or times (ECMA-376 part 1, 18.8.30).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]);
for (const id of [45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILT_IN_DATES.add(id);

/** exceljs's test for a date format (utils.isDateFmt): date letters outside quotes and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style index (a cell's s attribute), whether it shows a date. */
export async function readDateStyles(zip: WorkbookZip, file: string, part: string | undefined): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await parsePart(zip, file, part ?? '', {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
  });
}

/** A shared string too long to keep: only its length is, for the error when a cell uses it. */
export interface LongString {
  length: number;
}

/**
 * The shared strings, in order. Rich text runs are joined; phonetic runs (rPh) are not text of
 * the cell. A string over maxChars is kept as its length only: it is refused when a cell of the
 * sheet uses it, and never held whole.
 */
export async function readSharedStrings(
  zip: WorkbookZip,
  file: string,
  part: string | undefined,
  maxChars: number,
): Promise<(string | LongString)[]> {
  const strings: (string | LongString)[] = [];
  let text: string | undefined;
  let length = 0;
  let inT = false;
  let inPhonetic = false;
  await parsePart(zip, file, part ?? '', {
    open(name) {
      if (name === 'si') {
        text = '';
        length = 0;
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inT = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(length > maxChars ? { length } : (text ?? ''));
        text = undefined;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inT = false;
    },
    text(s) {
      if (!inT || text === undefined) return;
      length += s.length;
      if (length <= maxChars) text += s;
    },
  });
  return strings;
}
