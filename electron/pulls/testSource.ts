// "Test connection" (issue 18 item 4): the first rows of each table the profile maps, read from
// the connection, and what was found: the columns, the profile's headers the feed or query lacks,
// a few rows, or why it could not be read. Writes nothing. A folder is looked at as the import
// preview looks at it (previewFolder.ts).
import type { ApiOutput } from '../../shared/api';
import type { HttpSource, PostgresSource, SourceConnection } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import { AppError, cutInput, type AppErrorShape } from '../../shared/domain/errors';
import { headersOf } from '../../shared/domain/mappingHeaders';
import type { FileMapping, SourceProfile } from '../../shared/domain/profile';
import { getProfile } from '../db/repos/profiles';
import type { ReadDb } from '../db/types';
import type { SecretStore } from '../secrets/secretStore';
import { previewFolder } from '../snapshots/previewFolder';
import type { RowSink } from '../sources/readRows';
import { isBlank } from '../sources/rowChecks';
import { noReaderFor, readerFor, tablesOf } from './readersFor';
import { secretOf } from './pullSource';
import type { TableReader } from './tableReader';

type TestResult = ApiOutput<'source.test'>;
type TableProbe = TestResult['tables'][number];

/** Rows read per table, and the length each shown cell is cut to. */
export const PROBE_ROWS = 5;
const MAX_CELL = 200;
const MAX_COLUMNS = 200;

export async function testSource(
  db: ReadDb,
  source: SourceSystem,
  connection: SourceConnection,
  secrets: SecretStore,
  makeReader: typeof readerFor = readerFor,
): Promise<TestResult> {
  const profile = getProfile(db, source).profile;
  const probes =
    connection.kind === 'folder'
      ? await probeFolder(connection.dir, profile)
      : await probeTables(source, connection, profile, secrets, makeReader);
  const required = new Set(
    tablesOf(profile)
      .filter((m) => !m.optional)
      .map((m) => m.table),
  );
  const ok = probes.every((p) => p.ok || !required.has(p.table)) && probes.length > 0;
  return { source, ok, tables: probes };
}

async function probeTables(
  source: SourceSystem,
  settings: HttpSource | PostgresSource,
  profile: SourceProfile,
  secrets: SecretStore,
  makeReader: typeof readerFor,
): Promise<TableProbe[]> {
  let secret: string | undefined;
  let secretProblem: AppErrorShape | null = null;
  try {
    secret = secretOf(source, settings, secrets);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    secretProblem = e.toShape();
  }
  const probes: TableProbe[] = [];
  for (const mapping of tablesOf(profile)) {
    const reader = makeReader(settings, mapping, { source, secret, since: null, maxRows: PROBE_ROWS });
    if (!reader) {
      if (!mapping.optional) probes.push(failed(mapping, '', noReaderFor(source, settings, mapping).toShape()));
      continue;
    }
    probes.push(secretProblem ? failed(mapping, reader.from, secretProblem) : await probe(mapping, reader));
  }
  return probes;
}

const failed = (mapping: FileMapping, from: string, error: AppErrorShape): TableProbe => ({
  table: mapping.table,
  from,
  ok: false,
  columns: [],
  missing: [],
  sample: [],
  error,
});

/** The profile's headers the columns found lack (matched as the import matches them, ignoring case). */
const missingOf = (mapping: FileMapping, columns: string[]): string[] => {
  const found = new Set(columns.map((c) => c.toLowerCase()));
  return headersOf(mapping).filter((h) => !found.has(h.toLowerCase()));
};

async function probe(mapping: FileMapping, reader: TableReader): Promise<TableProbe> {
  let columns: string[] = [];
  const sample: string[][] = [];
  // A reader that reads past maxRows is stopped once the sample is in.
  const stop = new AbortController();
  const sink: RowSink = {
    header(cells) {
      columns = cells.slice(0, MAX_COLUMNS).map((c) => cutInput(c, MAX_CELL));
    },
    rows(batch) {
      for (const r of batch) {
        if (sample.length >= PROBE_ROWS) break;
        if (!isBlank(r)) sample.push(r.slice(0, MAX_COLUMNS).map((c) => cutInput(c, MAX_CELL)));
      }
      if (sample.length >= PROBE_ROWS) stop.abort();
    },
  };
  let error: AppErrorShape | null = null;
  try {
    await reader.read(sink, stop.signal);
  } catch (e) {
    if (!stop.signal.aborted) {
      error =
        e instanceof AppError
          ? e.toShape()
          : {
              code: 'import_failed',
              message: `Reading ${cutInput(reader.from, 200)} failed: ${cutInput(e instanceof Error ? e.message : String(e), 300)}`,
              where: { file: reader.from },
            };
    }
  }
  const missing = error ? [] : missingOf(mapping, columns);
  return {
    table: mapping.table,
    from: reader.from,
    ok: !error && missing.length === 0,
    columns,
    missing,
    sample,
    error,
  };
}

/** The folder's files as the import preview sees them, one probe per mapping. */
async function probeFolder(dir: string, profile: SourceProfile): Promise<TableProbe[]> {
  const preview = await previewFolder(dir, profile);
  return preview.mappings.map((m) => {
    const mapping = profile.files.find((f) => f.table === m.table && f.file === m.pattern)!;
    const none = m.files.length === 0;
    const error: AppErrorShape | null =
      m.problem ??
      (none && !m.optional
        ? {
            code: 'import_failed',
            message: `No file in the folder matches ${cutInput(m.pattern, 100)}.`,
            where: { file: m.pattern },
            hint: 'Check that the source system exports into this folder, or change the file pattern in the mapping profile.',
          }
        : null);
    const missing = error || none ? [] : missingOf(mapping, m.header);
    return {
      table: mapping.table,
      from: m.files[0] ?? m.pattern,
      ok: !error && missing.length === 0,
      columns: m.header,
      missing,
      sample: m.rows,
      error,
    };
  });
}
