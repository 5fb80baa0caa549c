// A look at a source folder before anything is imported (the onboarding flow on the Data page):
// which file each mapping of the profile reads, its header and first rows, and for each
// canonical column the header the profile maps to it, whether the file has that header, and the
// headers most like it. Reads only the head of each file; writes nothing.
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiOutput } from '../../shared/api';
import { canonicalTable } from '../../shared/domain/canonical';
import { AppError, cutInput } from '../../shared/domain/errors';
import { suggestHeaders } from '../../shared/domain/headerMatch';
import { headersOf } from '../../shared/domain/mappingHeaders';
import type { FileMapping, SourceProfile } from '../../shared/domain/profile';
import { DEFAULT_LIMITS, readRows, type RowSink } from '../sources/readRows';
import { isBlank } from '../sources/rowChecks';
import { matchFiles } from './pickFiles';

type FolderPreview = ApiOutput<'import.preview'>;
type FilePreview = FolderPreview['mappings'][number];

/** Data rows shown per file, and the length a shown cell is cut to. */
export const PREVIEW_ROWS = 5;
const MAX_CELL = 80;
const MAX_HEADERS = 200;

/** Ends a read once the head is in: thrown from the sink, caught below. */
class HeadRead extends Error {}

export async function previewFolder(dir: string, profile: SourceProfile): Promise<FolderPreview> {
  const { entries, picked } = matchFiles(dir, profile.files);
  const read = new Set(picked.flatMap((p) => p.paths.map((x) => basename(x))));
  const mappings: FilePreview[] = [];
  for (const { mapping, paths } of picked) mappings.push(await previewMapping(profile, mapping, paths));
  return {
    dir,
    files: entries.map((e) => ({
      name: e.name,
      bytes: e.valid ? sizeOf(join(dir, e.name)) : 0,
      read: read.has(e.name),
    })),
    mappings,
  };
}

async function previewMapping(profile: SourceProfile, mapping: FileMapping, paths: string[]): Promise<FilePreview> {
  const table = canonicalTable(mapping.table);
  const first = paths[0];
  let header: string[] = [];
  const rows: string[][] = [];
  let problem: FilePreview['problem'] = null;
  let sheet: string | undefined;
  if (first) {
    const sink: RowSink = {
      header(cells, _row, info) {
        header = cells.slice(0, MAX_HEADERS);
        sheet = info.sheet;
      },
      rows(batch) {
        for (const r of batch) {
          if (isBlank(r)) continue;
          rows.push(r.slice(0, MAX_HEADERS).map((c) => cutInput(c, MAX_CELL)));
          if (rows.length >= PREVIEW_ROWS) throw new HeadRead();
        }
      },
    };
    try {
      await readRows(first, sink, {
        csv: profile.csv,
        expectedHeaders: headersOf(mapping),
        sheet: mapping.sheet,
        limits: DEFAULT_LIMITS,
      });
    } catch (e) {
      if (!(e instanceof HeadRead)) {
        if (!(e instanceof AppError)) throw e;
        problem = e.toShape();
      }
    }
  }
  const present = new Set(header);
  return {
    table: mapping.table,
    pattern: mapping.file,
    sheet: sheet ?? mapping.sheet ?? null,
    optional: mapping.optional ?? false,
    files: paths.map((p) => basename(p)),
    header,
    rows,
    problem,
    columns: table.columns.map((c) => {
      const mappedTo = mapping.columns[c.name] ?? null;
      return {
        name: c.name,
        type: c.type,
        required: !c.optional,
        oneOf: c.oneOf ? [...c.oneOf] : null,
        mappedTo,
        found: mappedTo !== null && present.has(mappedTo),
        constant: mapping.constants?.[c.name] ?? null,
        derived: mapping.derived?.[c.name] !== undefined,
        suggestions: suggestHeaders(c.name, header),
      };
    }),
  };
}

/** A regular file's size; 0 for anything else in the folder (a subfolder, a pipe), never opened. */
function sizeOf(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  return st?.isFile() ? st.size : 0;
}
