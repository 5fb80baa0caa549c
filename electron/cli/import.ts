// `planroom import`: imports one source system's export folder as a snapshot, or with `--check`
// only reports whether it would import (a dry run that stores nothing).
import type { ApiOutput } from '../../shared/api';
import type { SourceSystem } from '../../shared/domain/canonical';
import { shownName, shownText } from '../../shared/domain/displayName';
import { formatDetail, formatError } from '../../shared/domain/errors';
import { callApi, common, dbOption, EXIT, usage, type Io, type Verb } from './core';
import { formatCounts, sourceOption } from './format';

export const importVerb: Verb = {
  summary: "Import one source system's export folder as a snapshot",
  usage: 'planroom import --source ERP|TMS|WMS|CRM DIR [--skip-bad-rows] [--check] [--db FILE] [--json]',
  options: {
    ...common,
    ...dbOption,
    source: { type: 'string' },
    'skip-bad-rows': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
  positionals: true,
  async run(v, positionals, io) {
    const source = sourceOption(v.source);
    if (positionals.length !== 1) throw usage('give exactly one export folder');
    if (v.check) return checkExport(io, v, source, positionals[0]!);
    const data = await callApi(
      io,
      v,
      'snapshot.import',
      { source, dir: positionals[0]!, skipBadRows: Boolean(v['skip-bad-rows']) },
      { create: true },
    );
    if (v.json) io.out(JSON.stringify(data, null, 2));
    else if (data.unchanged) io.out(`${source}: identical to snapshot ${data.snapshotId}; nothing imported`);
    else {
      printFiles(io, data.files);
      io.out(`${source}: snapshot ${data.snapshotId}, ${data.rowCount} rows (${formatCounts(data.rowCounts)})`);
      if (data.rejectedCount > 0) {
        io.out(`${data.rejectedCount} bad rows set aside: planroom snapshots rejected --id ${data.snapshotId}`);
      }
    }
    return EXIT.ok;
  },
};

/** One line per file an import read: its table, rows, rows set aside and headers not read. */
export function printFiles(io: Io, files: ApiOutput<'snapshot.import'>['files']): void {
  for (const f of files) {
    const notes = [
      f.rejected > 0 ? `${f.rejected} rejected` : '',
      f.ignoredColumns.length > 0 ? `not read: ${f.ignoredColumns.map((c) => shownName(c, 60)).join(', ')}` : '',
    ].filter(Boolean);
    io.out(
      `  ${shownName(f.file)}${f.sheet ? ` [${shownName(f.sheet)}]` : ''} -> ${f.table}: ${f.rows} rows${notes.length ? ` (${notes.join('; ')})` : ''}`,
    );
  }
}

/** `planroom import --check`: the dry run; exit 0 when the export would import, 1 with every problem. */
async function checkExport(io: Io, v: Record<string, unknown>, source: SourceSystem, dir: string): Promise<number> {
  const input = { source, dir, skipBadRows: Boolean(v['skip-bad-rows']) };
  const data = await callApi(io, v, 'snapshot.check', input, { create: false, scratch: true });
  if (v.json) {
    io.out(JSON.stringify(data, null, 2));
    return data.passed ? EXIT.ok : EXIT.failed;
  }
  if (data.passed) {
    printFiles(io, data.files);
    const aside = data.rejectedCount > 0 ? `, ${data.rejectedCount} bad rows would be set aside` : '';
    io.out(
      `${source}: would import ${data.rowCount} rows (${formatCounts(data.rowCounts)})${aside}; nothing was stored`,
    );
    return EXIT.ok;
  }
  const problem = data.problem!;
  io.err(`planroom import --check: ${shownText(formatError(problem))}`);
  for (const d of problem.details?.slice(1) ?? []) io.err(`  ${shownText(formatDetail(d))}`);
  io.err(`${source}: would not import; nothing was stored`);
  return EXIT.failed;
}
