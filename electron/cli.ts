// `planroom`: the command line over the same service functions as IPC and the HTTP host.
// Exit codes: 0 ok, 1 the operation failed (bad data, conflict), 2 usage error, 3 database
// cannot be opened (missing, unwritable, newer version).
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { ApiInput, ApiOutput, CycleOverviewT } from '../shared/api';
import { SOURCE_SYSTEMS, type SourceSystem } from '../shared/domain/canonical';
import { shownName, shownText } from '../shared/domain/displayName';
import { AppError, formatDetail, formatError } from '../shared/domain/errors';
import { formatMetric } from '../shared/planning/kpiFormat';
import { DEMO_SIZES, type DemoSize } from './demo/company';
import { generateDemo } from './demo/generate';
import { electronBinary } from './electronBinary';
import { appRoot, resolveDbPath } from './paths';
import { ProgressLine } from './progressLine';
import { serve } from './serve';
import { appVersion } from './version';
import {
  callApi,
  CallFailed,
  common,
  dbOption,
  EXIT,
  money,
  optionalNumber,
  usage,
  UsageError,
  type Io,
  type Verb,
} from './cliCore';
import { scenarioVerb } from './cliScenario';
import { readJsonFile } from './jsonFile';

export type { Io } from './cliCore';

const VERBS: Record<string, Verb> = {
  demo: {
    summary: 'Write the demo company as ERP, TMS, WMS and CRM exports',
    usage: 'planroom demo --out DIR [--size S|M|L|XL] [--seed N] [--json]',
    options: { ...common, size: { type: 'string', default: 'S' }, out: { type: 'string' }, seed: { type: 'string' } },
    async run(v, _p, io) {
      const size = String(v.size).toUpperCase();
      if (!DEMO_SIZES.includes(size as DemoSize)) throw usage(`--size must be one of ${DEMO_SIZES.join(', ')}`);
      if (typeof v.out !== 'string') throw usage('--out DIR is required');
      const seed = optionalNumber(v.seed);
      if (seed !== undefined && !Number.isSafeInteger(seed)) throw usage('--seed must be a whole number');
      const progress = new ProgressLine(io);
      const files = await generateDemo({
        size: size as DemoSize,
        out: v.out,
        seed,
        onProgress: (p) => progress.update(`demo ${size}: file ${p.filesDone + 1}/${p.filesTotal} ${p.file}`, p.rows),
      });
      progress.done();
      if (v.json) io.out(JSON.stringify({ size, out: v.out, files }, null, 2));
      else {
        for (const f of files)
          io.out(`${f.source}  ${f.table.padEnd(20)} ${String(f.rows).padStart(10)}  ${shownName(f.path)}`);
        io.out(`${files.reduce((n, f) => n + f.rows, 0)} rows in ${files.length} files under ${shownName(v.out)}`);
      }
      return EXIT.ok;
    },
  },
  import: {
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
  },
  profile: {
    summary: "Show, change or reset a source's mapping profile (JSON)",
    usage:
      'planroom profile show SOURCE | profile set SOURCE FILE.json|- | profile reset SOURCE   [--as NAME] [--db FILE]',
    options: { ...common, ...dbOption, as: { type: 'string', default: 'planroom CLI' } },
    positionals: true,
    async run(v, positionals, io) {
      const [sub, src, file, extra] = positionals;
      if (extra !== undefined) throw usage(`unexpected argument "${extra}"`);
      const source = sourceOption(src);
      const by = String(v.as);
      let stored;
      if (sub === 'show') stored = await callApi(io, v, 'profile.get', { source });
      else if (sub === 'set') {
        if (file === undefined) throw usage('give the profile file (or - for standard input)');
        // Like import, set creates the database: a company whose exports the default profiles
        // cannot read sets its profiles first, before any import.
        stored = await callApi(
          io,
          v,
          'profile.save',
          { source, profile: readJsonFile(file, 'Start from `planroom profile show SOURCE > profile.json`.'), by },
          { create: true },
        );
      } else if (sub === 'reset') stored = await callApi(io, v, 'profile.reset', { source, by });
      else throw usage('profile show|set|reset SOURCE');
      io.out(JSON.stringify(stored.profile, null, 2));
      io.err(
        stored.customized
          ? `${source} profile: saved by ${stored.updatedBy} at ${stored.updatedAt}`
          : `${source} profile: the default that ships with Planroom`,
      );
      return EXIT.ok;
    },
  },
  snapshots: {
    summary: 'List imported snapshots, or the rows an import set aside',
    usage: 'planroom snapshots [list] | snapshots rejected --id N [--offset N] [--limit N]   [--db FILE] [--json]',
    options: { ...common, ...dbOption, id: { type: 'string' }, offset: { type: 'string' }, limit: { type: 'string' } },
    positionals: true,
    async run(v, positionals, io) {
      const sub = positionals[0] ?? 'list';
      if (positionals.length > 1) throw usage(`unexpected argument "${positionals[1]}"`);
      if (sub === 'list') {
        const list = await callApi(io, v, 'snapshot.list', {});
        if (v.json) io.out(JSON.stringify(list, null, 2));
        else
          for (const s of list) {
            io.out(
              `${String(s.id).padStart(5)}  ${s.source.padEnd(4)} exported ${s.extractedAt}  ${String(s.rowCount).padStart(9)} rows${s.rejectedCount ? `, ${s.rejectedCount} rejected` : ''}  ${shownName(s.origin)}`,
            );
          }
        return EXIT.ok;
      }
      if (sub !== 'rejected') throw usage(`unknown snapshots command "${sub}" (list, rejected)`);
      if (v.id === undefined) throw usage('--id N is required');
      const r = await callApi(io, v, 'snapshot.rejected', {
        snapshotId: Number(v.id),
        offset: optionalNumber(v.offset),
        limit: optionalNumber(v.limit),
      });
      if (v.json) io.out(JSON.stringify(r, null, 2));
      else {
        for (const row of r.rows) {
          io.out(
            `${shownName(row.file)}${row.sheet ? ` [${shownName(row.sheet)}]` : ''} row ${row.row}${row.column ? `, column ${shownName(row.column)}` : ''}${row.value !== null ? ` ${shownName(JSON.stringify(row.value))}` : ''}: ${shownText(row.reason)}`,
          );
        }
        io.out(`${r.rows.length} of ${r.total} rejected row(s)`);
      }
      return EXIT.ok;
    },
  },
  cycle: {
    summary: 'Show, list or create meeting cycles',
    usage:
      'planroom cycle [show] [--id N] | cycle list | cycle create --name NAME --meeting ISO-TIME [--tz Europe/Berlin] [--start 2026-W49] [--horizon 26] | cycle tz --tz ZONE [--id N] [--as NAME] | cycle pin --source WMS --snapshot N --reason TEXT [--as NAME] | cycle pins   [--db FILE] [--json]',
    options: {
      ...common,
      ...dbOption,
      id: { type: 'string' },
      name: { type: 'string' },
      meeting: { type: 'string' },
      start: { type: 'string' },
      tz: { type: 'string' },
      horizon: { type: 'string' },
      source: { type: 'string' },
      snapshot: { type: 'string' },
      reason: { type: 'string' },
      as: { type: 'string', default: 'planroom CLI' },
    },
    positionals: true,
    async run(v, positionals, io) {
      const sub = positionals[0] ?? 'show';
      if (positionals.length > 1) throw usage(`unexpected argument "${positionals[1]}"`);
      if (sub === 'list') {
        const cycles = await callApi(io, v, 'cycle.list', {});
        if (v.json) io.out(JSON.stringify(cycles, null, 2));
        else
          for (const c of cycles)
            io.out(
              `${String(c.id).padStart(4)}  ${c.name}  meeting ${c.meetingAt} (${c.timeZone}), from ${c.startPeriod}  ${c.status}`,
            );
        return EXIT.ok;
      }
      if (sub === 'create') {
        if (typeof v.name !== 'string' || typeof v.meeting !== 'string')
          throw usage('--name and --meeting are required');
        const c = await callApi(io, v, 'cycle.create', {
          name: v.name,
          meetingAt: v.meeting,
          startPeriod: typeof v.start === 'string' ? v.start : undefined,
          timeZone: typeof v.tz === 'string' ? v.tz : undefined,
          horizon: optionalNumber(v.horizon),
        });
        io.out(
          v.json
            ? JSON.stringify(c, null, 2)
            : `cycle ${c.id} "${c.name}" created: from ${c.startPeriod}, time zone ${c.timeZone}`,
        );
        return EXIT.ok;
      }
      if (sub === 'tz') {
        if (typeof v.tz !== 'string') throw usage('--tz ZONE is required (an IANA name such as Europe/Berlin)');
        const c = await callApi(io, v, 'cycle.setTimeZone', {
          cycleId: optionalNumber(v.id),
          timeZone: v.tz,
          by: String(v.as),
        });
        io.out(v.json ? JSON.stringify(c, null, 2) : `cycle ${c.id}: time zone ${c.timeZone}, from ${c.startPeriod}`);
        return EXIT.ok;
      }
      if (sub === 'pin') {
        if (typeof v.source !== 'string' || v.snapshot === undefined || typeof v.reason !== 'string') {
          throw usage('--source, --snapshot and --reason are required');
        }
        const r = await callApi(io, v, 'cycle.pin', {
          cycleId: optionalNumber(v.id),
          source: v.source.toUpperCase(),
          snapshotId: Number(v.snapshot),
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
      }
      if (sub === 'pins') {
        const log = await callApi(io, v, 'cycle.pinLog', { cycleId: optionalNumber(v.id) });
        if (v.json) io.out(JSON.stringify(log, null, 2));
        else
          for (const p of log) {
            io.out(
              `${p.at}  ${p.source.padEnd(4)} ${p.oldSnapshotId ?? '-'} -> ${p.newSnapshotId}  by ${p.by}: ${p.reason ?? ''}`,
            );
          }
        return EXIT.ok;
      }
      if (sub !== 'show') throw usage(`unknown cycle command "${sub}" (show, list, create, tz, pin, pins)`);
      const id = optionalNumber(v.id);
      const overview = await callApi(io, v, 'cycle.overview', { cycleId: id });
      if (v.json) io.out(JSON.stringify(overview, null, 2));
      else if (!overview)
        io.out('No cycle yet. Import exports and run `planroom cycle create`, or `planroom serve` to load the demo.');
      else printOverview(io, overview);
      return EXIT.ok;
    },
  },
  'data-issues': {
    summary: "List and work the cycle's data issues (reconciliation findings)",
    usage:
      'planroom data-issues [list] [--status open|closed] [--owner ROLE] [--source ERP] | reconcile | assign --id N --to NAME | comment --id N --text TEXT | close --id N --reason TEXT   [--as NAME] [--cycle N] [--db FILE] [--json]',
    options: {
      ...common,
      ...dbOption,
      cycle: { type: 'string' },
      status: { type: 'string' },
      owner: { type: 'string' },
      source: { type: 'string' },
      id: { type: 'string' },
      to: { type: 'string' },
      text: { type: 'string' },
      reason: { type: 'string' },
      as: { type: 'string', default: 'planroom CLI' },
    },
    positionals: true,
    async run(v, positionals, io) {
      const sub = positionals[0] ?? 'list';
      if (positionals.length > 1) throw usage(`unexpected argument "${positionals[1]}"`);
      const cycleId = optionalNumber(v.cycle);
      const by = String(v.as);
      const id = (): number => {
        if (v.id === undefined) throw usage('--id N is required');
        return Number(v.id);
      };
      const print = (data: unknown, line: string): void => io.out(v.json ? JSON.stringify(data, null, 2) : line);
      if (sub === 'list') {
        const issues = await callApi(io, v, 'dataIssue.list', {
          cycleId,
          status: v.status as 'open' | 'closed' | undefined,
          owner: v.owner as string | undefined,
          source: v.source as string | undefined,
        });
        if (v.json) io.out(JSON.stringify(issues, null, 2));
        else {
          for (const i of issues) {
            io.out(
              `${String(i.id).padStart(5)}  ${i.status.padEnd(6)} ${i.source.padEnd(4)} ${i.ownerRole.padEnd(22)} due ${i.deadline}  ${i.assignee ?? '-'}  ${i.summary}`,
            );
          }
          io.out(`${issues.length} data issue(s)`);
        }
      } else if (sub === 'reconcile') {
        const r = await callApi(io, v, 'dataIssue.reconcile', { cycleId });
        print(r, `${r.open} open: ${r.opened} new, ${r.refreshed} still there, ${r.closed} closed (cause gone)`);
      } else if (sub === 'assign') {
        if (typeof v.to !== 'string') throw usage('--to NAME is required');
        const i = await callApi(io, v, 'dataIssue.assign', { id: id(), assignee: v.to, by });
        print(i, `data issue ${i.id} assigned to ${i.assignee}`);
      } else if (sub === 'comment') {
        if (typeof v.text !== 'string') throw usage('--text TEXT is required');
        const i = await callApi(io, v, 'dataIssue.comment', { id: id(), author: by, body: v.text });
        print(i, `comment added to data issue ${i.id}`);
      } else if (sub === 'close') {
        if (typeof v.reason !== 'string') throw usage('--reason TEXT is required');
        const i = await callApi(io, v, 'dataIssue.close', { id: id(), by, reason: v.reason });
        print(i, `data issue ${i.id} closed`);
      } else throw usage(`unknown data-issues command "${sub}" (list, reconcile, assign, comment, close)`);
      return EXIT.ok;
    },
  },
  exceptions: {
    summary: "The cycle's exceptions ranked by value at risk: list, roll up, show, review",
    usage:
      'planroom exceptions [list] [--type T] [--sku S] [--family F] [--resource R] [--lane L] [--status new|reviewed|actioned|dismissed] [--resolved] [--offset N] [--limit N] | rollup --by item|family|resource|lane [--type T] | show KEY | review KEY --status S [--note TEXT] | recompute   [--as NAME] [--cycle N] [--db FILE] [--json]',
    options: {
      ...common,
      ...dbOption,
      cycle: { type: 'string' },
      type: { type: 'string' },
      sku: { type: 'string' },
      family: { type: 'string' },
      resource: { type: 'string' },
      lane: { type: 'string' },
      status: { type: 'string' },
      resolved: { type: 'boolean', default: false },
      by: { type: 'string' },
      note: { type: 'string' },
      offset: { type: 'string' },
      limit: { type: 'string' },
      as: { type: 'string', default: 'planroom CLI' },
    },
    positionals: true,
    async run(v, positionals, io) {
      const [sub = 'list', key, extra] = positionals;
      if (extra !== undefined) throw usage(`unexpected argument "${extra}"`);
      const cycleId = optionalNumber(v.cycle);
      const filter = {
        cycleId,
        type: v.type as ApiInput<'exception.list'>['type'],
        sku: v.sku as string | undefined,
        family: v.family as string | undefined,
        resource: v.resource as string | undefined,
        lane: v.lane as string | undefined,
        offset: optionalNumber(v.offset),
        limit: optionalNumber(v.limit),
      };
      const needKey = (): string => {
        if (!key) throw usage(`exceptions ${sub} KEY: the key is required (see planroom exceptions)`);
        return key;
      };
      if (sub !== 'show' && sub !== 'review' && key !== undefined) throw usage(`unexpected argument "${key}"`);
      if (sub === 'list') {
        const page = await callApi(io, v, 'exception.list', {
          ...filter,
          reviewStatus: v.status as ApiInput<'exception.list'>['reviewStatus'],
          includeResolved: v.resolved === true,
        });
        if (v.json) io.out(JSON.stringify(page, null, 2));
        else printExceptions(io, page);
      } else if (sub === 'rollup') {
        if (typeof v.by !== 'string') throw usage('--by item|family|resource|lane is required');
        const r = await callApi(io, v, 'exception.rollup', { ...filter, by: v.by as 'item' });
        if (v.json) io.out(JSON.stringify(r, null, 2));
        else {
          io.out(`${v.by.padEnd(22)} ${'count'.padStart(6)} ${'value at risk'.padStart(14)}  by type`);
          for (const g of r.groups) {
            io.out(
              `${g.group.padEnd(22)} ${String(g.count).padStart(6)} ${money(g.valueAtRisk).padStart(14)}  ${formatCounts(g.byType)}`,
            );
          }
          io.out(`${r.groups.length} of ${r.total} group(s)`);
        }
      } else if (sub === 'show') {
        const e = await callApi(io, v, 'exception.get', { cycleId, key: needKey() });
        if (v.json) io.out(JSON.stringify(e, null, 2));
        else {
          io.out(`${e.key}  (${e.type})  value at risk ${money(e.valueAtRisk)}`);
          io.out(`review: ${e.reviewStatus}${e.note ? ` - ${e.note}` : ''}${e.reviewedBy ? ` (${e.reviewedBy})` : ''}`);
          io.out(`first seen in: ${e.firstSeen.name}${e.resolvedAt ? `; resolved since ${e.resolvedAt}` : ''}`);
          io.out(JSON.stringify(e.detail, null, 2));
        }
      } else if (sub === 'review') {
        if (typeof v.status !== 'string') throw usage('--status new|reviewed|actioned|dismissed is required');
        const e = await callApi(io, v, 'exception.review', {
          cycleId,
          key: needKey(),
          status: v.status as 'new',
          note: v.note as string | undefined,
          by: String(v.as),
        });
        io.out(v.json ? JSON.stringify(e, null, 2) : `${e.key}: ${e.reviewStatus}`);
      } else if (sub === 'recompute') {
        const c = await callApi(io, v, 'engine.recompute', { cycleId });
        io.out(
          v.json
            ? JSON.stringify(c, null, 2)
            : `${c.exceptions} exception(s); load ${c.loadMs} ms, compute ${c.computeMs} ms`,
        );
      } else throw usage(`unknown exceptions command "${sub}" (list, rollup, show, review, recompute)`);
      return EXIT.ok;
    },
  },
  kpis: {
    summary: 'The five KPIs with their trend; change owner, triggers and playbook',
    usage:
      'planroom kpis [list] [--kpi ID] [--by total|family|resource|lane] [--breached] [--offset N] [--limit N] | definitions | set ID [--owner ROLE] [--trigger "otif<0.95"]... [--playbook TEXT]   [--as NAME] [--cycle N] [--db FILE] [--json]',
    options: {
      ...common,
      ...dbOption,
      cycle: { type: 'string' },
      kpi: { type: 'string' },
      by: { type: 'string' },
      owner: { type: 'string' },
      trigger: { type: 'string', multiple: true },
      breached: { type: 'boolean', default: false },
      offset: { type: 'string' },
      limit: { type: 'string' },
      playbook: { type: 'string' },
      as: { type: 'string', default: 'planroom CLI' },
    },
    positionals: true,
    async run(v, positionals, io) {
      const [sub = 'list', id, extra] = positionals;
      if (extra !== undefined || (sub !== 'set' && id !== undefined))
        throw usage(`unexpected argument "${extra ?? id}"`);
      if (sub === 'list') {
        const r = await callApi(io, v, 'kpi.list', {
          cycleId: optionalNumber(v.cycle),
          kpi: v.kpi as ApiInput<'kpi.list'>['kpi'],
          dimension: (v.by as ApiInput<'kpi.list'>['dimension']) ?? 'total',
          breached: v.breached === true,
          offset: optionalNumber(v.offset),
          limit: optionalNumber(v.limit),
        });
        if (v.json) io.out(JSON.stringify(r, null, 2));
        else printKpis(io, r);
      } else if (sub === 'definitions') {
        const defs = await callApi(io, v, 'kpi.definitions', {});
        if (v.json) io.out(JSON.stringify(defs, null, 2));
        else {
          for (const d of defs) {
            io.out(
              `${d.id.padEnd(22)} ${d.ownerRole.padEnd(14)} ${d.triggers.map((t) => `${t.metric} ${t.op} ${t.value}`).join(' or ')}`,
            );
            io.out(`${''.padEnd(22)} playbook: ${d.playbook}`);
          }
        }
      } else if (sub === 'set') {
        if (!id) throw usage('kpis set ID: the KPI id is required (see planroom kpis definitions)');
        const triggers = (v.trigger as string[] | undefined)?.map(parseTrigger);
        const d = await callApi(io, v, 'kpi.saveDefinition', {
          id: id as 'service_level',
          ownerRole: v.owner as string | undefined,
          triggers,
          playbook: v.playbook as string | undefined,
          by: String(v.as),
        });
        io.out(
          v.json
            ? JSON.stringify(d, null, 2)
            : `${d.id} saved: ${d.ownerRole}; ${d.triggers.map((t) => `${t.metric} ${t.op} ${t.value}`).join(' or ')}`,
        );
      } else throw usage(`unknown kpis command "${sub}" (list, definitions, set)`);
      return EXIT.ok;
    },
  },
  scenario: scenarioVerb,
  serve: {
    summary: 'Serve the app and its API on 127.0.0.1 (browser mode)',
    usage: 'planroom serve [--port N] [--open] [--no-demo] [--db FILE]',
    options: {
      ...common,
      ...dbOption,
      port: { type: 'string', default: '5170' },
      open: { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
    },
    async run(v, _p, io) {
      const port = Number(v.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage('--port must be 0-65535');
      await serve({
        dbPath: resolveDbPath(v.db as string | undefined, io.env),
        port,
        open: Boolean(v.open),
        demo: !v['no-demo'],
        io,
      });
      return EXIT.ok;
    },
  },
  start: {
    summary: 'Open the app: the Electron window, or browser mode where Electron is not installed',
    usage: 'planroom start [--db FILE] [--port N] [--no-demo]',
    options: {
      ...common,
      ...dbOption,
      port: { type: 'string', default: '0' },
      'no-demo': { type: 'boolean', default: false },
    },
    async run(v, _p, io) {
      const binary = io.env.PLANROOM_BROWSER_MODE ? undefined : electronBinary(io.env);
      if (binary) {
        const args = [
          appRoot(),
          ...(typeof v.db === 'string' ? ['--db', v.db] : []),
          ...(v['no-demo'] ? ['--no-demo'] : []),
        ];
        return new Promise((resolve) => {
          const child = spawn(binary, args, { stdio: 'inherit' });
          child.on('exit', (code) => resolve(code ?? EXIT.ok));
        });
      }
      io.err('Electron binary not installed here: starting in browser mode.');
      return VERBS.serve!.run({ ...v, open: true }, [], io);
    },
  },
  version: {
    summary: 'Print the version',
    usage: 'planroom version',
    options: common,
    async run(_v, _p, io) {
      io.out(appVersion());
      return EXIT.ok;
    },
  },
};

/** One line per file an import read: its table, rows, rows set aside and headers not read. */
function printFiles(io: Io, files: ApiOutput<'snapshot.import'>['files']): void {
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

function sourceOption(value: unknown): SourceSystem {
  const source = String(value ?? '').toUpperCase();
  if (!SOURCE_SYSTEMS.includes(source as SourceSystem))
    throw usage(`the source must be one of ${SOURCE_SYSTEMS.join(', ')}`);
  return source as SourceSystem;
}

/** "otif<0.95" or "abs_bias >= 0.1" as a trigger. */
function parseTrigger(text: string): { metric: string; op: string; value: number } {
  const m = /^\s*([a-z_]+)\s*(<=|>=|<|>)\s*(-?[0-9.]+)\s*$/.exec(text);
  if (!m || !Number.isFinite(Number(m[3])))
    throw usage(`--trigger "${text}": write it as metric<value, e.g. "otif<0.95"`);
  return { metric: m[1]!, op: m[2]!, value: Number(m[3]) };
}

function printExceptions(io: Io, page: ApiOutput<'exception.list'>): void {
  io.out(`${'value at risk'.padStart(14)}  ${'type'.padEnd(24)} ${'review'.padEnd(9)} ${'periods'.padEnd(19)} subject`);
  for (const e of page.rows) {
    const subject = [e.sku && `${e.sku}@${e.location}`, e.orderId, e.resource, e.lane, e.kpiId, e.family]
      .filter(Boolean)
      .join(' ');
    const periods = e.periodFrom ? `${e.periodFrom}..${e.periodTo}` : '';
    const since = e.resolvedAt
      ? ' (resolved)'
      : e.firstSeen.cycleId !== page.cycleId
        ? ` (open since ${e.firstSeen.name})`
        : '';
    io.out(
      `${money(e.valueAtRisk).padStart(14)}  ${e.type.padEnd(24)} ${e.reviewStatus.padEnd(9)} ${periods.padEnd(19)} ${subject}${since}`,
    );
  }
  const shown = page.rows.length;
  io.out(
    `${shown} of ${page.total} exception(s), ${money(page.totalValue)} at risk in all; computed ${page.computation.computedAt}`,
  );
}

function printKpis(io: Io, r: ApiOutput<'kpi.list'>): void {
  io.out(
    `${'kpi'.padEnd(22)} ${'group'.padEnd(16)} ${'figures'.padEnd(52)} ${`vs ${r.previousCycle ?? 'no previous cycle'}`}`,
  );
  for (const k of r.rows) {
    const figures = Object.entries(k.metrics)
      .map(([m, x]) => `${m} ${formatMetric(m, x, 'no data')}`)
      .join(', ');
    const trend = k.previous
      ? Object.entries(k.metrics)
          .map(([m, x]) => {
            const before = k.previous?.[m];
            return x === null || before === null || before === undefined
              ? null
              : `${m} ${x - before >= 0 ? '+' : ''}${m === 'turns' ? (x - before).toFixed(1) : m === 'freight_cost' ? money(x - before) : `${((x - before) * 100).toFixed(1)} pt`}`;
          })
          .filter(Boolean)
          .join(', ')
      : '-';
    const breach = k.breached.length > 0 ? `  BREACH ${k.breached.join(', ')} -> ${k.ownerRole}` : '';
    io.out(`${k.kpiId.padEnd(22)} ${k.group.padEnd(16)} ${figures.padEnd(52)} ${trend}${breach}`);
    io.out(`${''.padEnd(22)} window: ${k.window.label}`);
    // One line per reason: figures that share it are named together.
    const reasons = new Map<string, string[]>();
    for (const [m, why] of Object.entries(k.noData)) reasons.set(why, [...(reasons.get(why) ?? []), m]);
    for (const [why, metrics] of reasons) io.out(`${''.padEnd(22)} no data (${metrics.join(', ')}): ${why}`);
  }
  if (r.total > r.rows.length) io.out(`${r.rows.length} of ${r.total} KPI value(s)`);
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
}

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
  io.out('');
  io.out('agenda');
  for (const a of o.agenda) io.out(`${String(a.position).padStart(2)}. ${a.title} (${a.ownerRole}, ${a.minutes} min)`);
}

function helpText(): string {
  const lines = [
    'planroom: S&OP meetings offline, on one version of the truth',
    '',
    'usage: planroom <command> [options]',
    '',
  ];
  for (const [name, verb] of Object.entries(VERBS)) lines.push(`  ${name.padEnd(8)} ${verb.summary}`);
  lines.push('', 'Each command takes --help. Database: --db FILE, else $PLANROOM_DB, else the user data folder.');
  return lines.join('\n');
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.out(appVersion());
    return EXIT.ok;
  }
  const verb = Object.hasOwn(VERBS, name) ? VERBS[name] : undefined;
  if (!verb) {
    io.err(`planroom: unknown command "${shownName(name)}". Run \`planroom --help\` for the commands.`);
    return EXIT.usage;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: verb.options,
      allowPositionals: verb.positionals ?? false,
      strict: true,
    });
    if (values.help) {
      io.out(`${verb.summary}\n\nusage: ${verb.usage}`);
      return EXIT.ok;
    }
    return await verb.run(values, positionals, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`planroom ${name}: ${shownText((e as Error).message)}. Usage: ${verb.usage}`);
      return EXIT.usage;
    }
    const shape = e instanceof CallFailed ? e.shape : e instanceof AppError ? e.toShape() : undefined;
    if (!shape) throw e;
    // Escaped whole as well: a message may quote a name or a value (its where-part already is).
    io.err(`planroom ${name}: ${shownText(formatError(shape))}`);
    // Several bad rows: the rest of the list (bounded by the importer), one per line.
    for (const d of shape.details?.slice(1) ?? []) io.err(`  ${shownText(formatDetail(d))}`);
    if (shape.code === 'busy') return EXIT.busy;
    return shape.code.startsWith('db_') ? EXIT.db : EXIT.failed;
  }
}

export function processIo(): Io {
  return {
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

// Entry point when bundled as dist/cli.cjs (bin/planroom.cjs requires it).
export function main(): void {
  // `planroom kpis | head`: the reader has what it wanted; stop quietly instead of a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`planroom: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
