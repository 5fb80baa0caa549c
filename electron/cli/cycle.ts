// `planroom cycle`: shows, lists and creates meeting cycles, sets a cycle's time zone, pins a
// source's snapshot to the cycle and lists those pins.
import type { CycleOverviewT } from '../../shared/api';
import {
  asOption,
  callApi,
  common,
  dbOption,
  EXIT,
  optionalNumber,
  requiredNumber,
  subcommandVerb,
  usage,
  type Io,
  type Verb,
} from './core';

export const cycleVerb: Verb = subcommandVerb('cycle', {
  summary: 'Show, list or create meeting cycles',
  options: {
    ...common,
    ...dbOption,
    ...asOption,
    id: { type: 'string' },
    name: { type: 'string' },
    meeting: { type: 'string' },
    start: { type: 'string' },
    tz: { type: 'string' },
    horizon: { type: 'string' },
    source: { type: 'string' },
    snapshot: { type: 'string' },
    reason: { type: 'string' },
  },
  default: 'show',
  subs: {
    show: {
      usage: '[--id N]',
      async run(v, _args, io) {
        const id = optionalNumber(v, 'id');
        const overview = await callApi(io, v, 'cycle.overview', { cycleId: id });
        if (v.json) io.out(JSON.stringify(overview, null, 2));
        else if (!overview)
          io.out('No cycle yet. Import exports and run `planroom cycle create`, or `planroom serve` to load the demo.');
        else printOverview(io, overview);
        return EXIT.ok;
      },
    },
    list: {
      usage: '',
      async run(v, _args, io) {
        const cycles = await callApi(io, v, 'cycle.list', {});
        if (v.json) io.out(JSON.stringify(cycles, null, 2));
        else
          for (const c of cycles)
            io.out(
              `${String(c.id).padStart(4)}  ${c.name}  meeting ${c.meetingAt} (${c.timeZone}), from ${c.startPeriod}  ${c.status}`,
            );
        return EXIT.ok;
      },
    },
    create: {
      usage: '--name NAME --meeting ISO-TIME [--tz Europe/Berlin] [--start 2026-W49] [--horizon 26]',
      async run(v, _args, io) {
        if (typeof v.name !== 'string' || typeof v.meeting !== 'string')
          throw usage('--name and --meeting are required');
        const c = await callApi(io, v, 'cycle.create', {
          name: v.name,
          meetingAt: v.meeting,
          startPeriod: typeof v.start === 'string' ? v.start : undefined,
          timeZone: typeof v.tz === 'string' ? v.tz : undefined,
          horizon: optionalNumber(v, 'horizon'),
        });
        io.out(
          v.json
            ? JSON.stringify(c, null, 2)
            : `cycle ${c.id} "${c.name}" created: from ${c.startPeriod}, time zone ${c.timeZone}`,
        );
        return EXIT.ok;
      },
    },
    tz: {
      usage: '--tz ZONE [--id N] [--as NAME]',
      async run(v, _args, io) {
        if (typeof v.tz !== 'string') throw usage('--tz ZONE is required (an IANA name such as Europe/Berlin)');
        const c = await callApi(io, v, 'cycle.setTimeZone', {
          cycleId: optionalNumber(v, 'id'),
          timeZone: v.tz,
          by: String(v.as),
        });
        io.out(v.json ? JSON.stringify(c, null, 2) : `cycle ${c.id}: time zone ${c.timeZone}, from ${c.startPeriod}`);
        return EXIT.ok;
      },
    },
    pin: {
      usage: '--source WMS --snapshot N --reason TEXT [--as NAME]',
      async run(v, _args, io) {
        if (typeof v.source !== 'string' || v.snapshot === undefined || typeof v.reason !== 'string') {
          throw usage('--source, --snapshot and --reason are required');
        }
        const r = await callApi(io, v, 'cycle.pin', {
          cycleId: optionalNumber(v, 'id'),
          source: v.source.toUpperCase(),
          snapshotId: requiredNumber(v, 'snapshot'),
          by: String(v.as),
          reason: v.reason,
        });
        const rec = r.reconciliation;
        io.out(
          v.json
            ? JSON.stringify(r, null, 2)
            : `${r.changed ? `pinned snapshot ${String(v.snapshot)}` : 'already pinned'}; data issues: ${rec.open} open (${rec.opened} new, ${rec.closed} closed)`,
        );
        return EXIT.ok;
      },
    },
    pins: {
      usage: '',
      async run(v, _args, io) {
        const log = await callApi(io, v, 'cycle.pinLog', { cycleId: optionalNumber(v, 'id') });
        if (v.json) io.out(JSON.stringify(log, null, 2));
        else
          for (const p of log) {
            io.out(
              `${p.at}  ${p.source.padEnd(4)} ${p.oldSnapshotId ?? '-'} -> ${p.newSnapshotId}  by ${p.by}: ${p.reason ?? ''}`,
            );
          }
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--db FILE] [--json]',
});

/** The cycle at a glance: its meeting, each source's pinned snapshot and freshness, the agenda. */
function printOverview(io: Io, o: CycleOverviewT): void {
  io.out(
    `${o.cycle.name}  (meeting ${o.cycle.meetingAt}, time zone ${o.cycle.timeZone}, from ${o.cycle.startPeriod}, ${o.cycle.horizonPeriods} weeks)`,
  );
  io.out('');
  io.out('source  snapshot  age at meeting  rows       status');
  for (const s of o.sources) {
    io.out(
      `${s.source.padEnd(7)} ${String(s.snapshotId).padStart(8)}  ${`${s.ageHours} h`.padStart(14)}  ${String(s.rowCount).padStart(9)}  ${s.stale ? `STALE (limit ${s.freshnessLimitHours} h)` : 'fresh'}`,
    );
  }
  for (const m of o.missingSources) io.out(`${m.padEnd(7)} no snapshot pinned`);
  for (const s of o.sources) if (s.extractionWarning) io.out(`WARNING ${s.source}: ${s.extractionWarning}`);
  io.out('');
  io.out('agenda');
  for (const a of o.agenda) io.out(`${String(a.position).padStart(2)}. ${a.title} (${a.ownerRole}, ${a.minutes} min)`);
}
