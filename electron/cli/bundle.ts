// `planroom bundle export | import`: a cycle in one file for a traveller's laptop (electron/bundle/).
// Not API calls as such: both read or write files wherever the user says, which the hosted API
// must never do (the app's download goes through the bundle.export call instead).
import { resolve } from 'node:path';
import { shownName } from '../../shared/domain/displayName';
import { exportBundle, type ExportSummary } from '../bundle/exportBundle';
import { importBundle, type ImportSummary } from '../bundle/importBundle';
import { openDatabase } from '../db/open';
import { resolveDbPath } from '../paths';
import { cycleIdOrCurrent } from '../services/cycles';
import { callApi, common, cycleOption, dbOption, EXIT, optionalNumber, subcommandVerb, usage, type Io } from './core';

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function exportLines(s: ExportSummary): string[] {
  return [
    `Exported cycle "${shownName(s.cycleName, 80)}" (id ${s.cycleId}) to ${s.file}`,
    `  ${plural(s.snapshots, 'snapshot', 'snapshots')}, ${plural(s.decisions, 'decision', 'decisions')}, ${mb(s.bytes)} (schema ${s.schema})`,
    `Open it on another laptop with: planroom bundle import ${s.file}`,
  ];
}

function importLines(s: ImportSummary): string[] {
  const what = s.cycleName === null ? 'the database' : `cycle "${shownName(s.cycleName, 80)}"`;
  const lines = [
    `Imported ${what} from ${s.file} into ${s.target}`,
    `  ${plural(s.snapshots, 'snapshot', 'snapshots')}, ${plural(s.decisions, 'decision', 'decisions')}` +
      (s.schemaFrom < s.schemaTo ? `, migrated from schema ${s.schemaFrom} to ${s.schemaTo}` : ''),
    `This laptop is ${s.laptopId} on the hub (the bundle came from ${s.exportedBy}).`,
  ];
  if (s.outboxCarried > 0)
    lines.push(
      `  ${plural(s.outboxCarried, 'outbox entry', 'outbox entries')} not yet sent there stay the exporting laptop's to deliver.`,
    );
  if (s.backup) lines.push(`The database that was there is kept as ${s.backup}.`);
  return lines;
}

const print = (io: Io, v: Record<string, unknown>, data: object, lines: string[]): void =>
  io.out(v.json ? JSON.stringify(data, null, 2) : lines.join('\n'));

export const bundleVerb = subcommandVerb('bundle', {
  summary: "A cycle in one file, to open on a traveller's laptop offline (export, import)",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  subs: {
    export: {
      usage: '[--cycle N] --out FILE.planroom [--force]',
      async run(v, _args, io) {
        if (typeof v.out !== 'string' || v.out === '')
          throw usage('--out FILE is required (e.g. --out cycle.planroom)');
        const asked = optionalNumber(v, 'cycle');
        // The cycle's exceptions and KPIs (and the previous cycle's, for the trends) computed and
        // stored first, so the bundle opens on results instead of recomputing on the road.
        await callApi(io, v, 'kpi.list', { cycleId: asked, limit: 1 });
        const db = openDatabase(resolveDbPath(v.db as string | undefined, io.env), { create: false });
        try {
          const summary = await exportBundle(db, cycleIdOrCurrent(db, asked), v.out, { force: v.force === true });
          print(io, v, summary, exportLines(summary));
        } finally {
          db.close();
        }
        return EXIT.ok;
      },
    },
    import: {
      usage: 'FILE [--force]',
      args: 1,
      async run(v, [file], io) {
        if (file === undefined) throw usage('bundle import FILE: give the bundle file to open');
        const target = resolve(resolveDbPath(v.db as string | undefined, io.env));
        const summary = await importBundle(file, target, { force: v.force === true });
        print(io, v, summary, importLines(summary));
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--db FILE] [--json]',
});
