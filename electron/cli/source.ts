// `planroom source`: where each source system is pulled from (an export folder, an HTTP/OData
// API, a PostgreSQL database), its schedule and secret, a test of the connection, and a pull now
// (issue 18). The same calls as the Data page's "Pull from" (source.* in shared/calls/sources.ts).
// A secret is read from standard input only, as `planroom sync secret` reads it.
import type { ApiOutput } from '../../shared/api';
import { SourceConnection } from '../../shared/calls/sources';
import { shownName, shownText } from '../../shared/domain/displayName';
import { formatError } from '../../shared/domain/errors';
import { readJsonFile } from '../jsonFile';
import { callApi, CallFailed, common, dbOption, EXIT, subcommandVerb, usage, type Io, type Subcommand } from './core';
import { formatCounts, sourceOption } from './format';
import { printFiles } from './import';
import { readSecret } from './syncSecret';

type Status = ApiOutput<'source.list'>[number];

function connectionLines(c: SourceConnection): string[] {
  if (c.kind === 'folder') return [`  folder ${shownName(c.dir, 200)}`];
  if (c.kind === 'postgres') {
    return [
      `  postgres ${shownName(c.url, 200)} (tls ${c.tls}, statement timeout ${c.statementTimeoutSeconds} s)`,
      ...Object.entries(c.queries).map(([t, q]) => `    ${t}: ${shownName(q.replace(/\s+/g, ' '), 100)}`),
    ];
  }
  const auth = c.auth.kind === 'none' ? 'no auth' : `${c.auth.kind} auth`;
  return [
    `  ${c.odata ? 'OData v4' : 'HTTP JSON'}, ${auth}, timeout ${c.timeoutSeconds} s, ${c.retries} retries, pages up to ${c.maxPageMb} MB`,
    ...Object.entries(c.tables).map(
      ([t, f]) =>
        `    ${t}: ${shownName(f.url, 200)} (rows at ${f.rowsPath || 'the top'}, paging ${f.paging.kind}${f.modifiedSince ? `, modified since ${shownName(f.modifiedSince, 60)}` : ''})`,
    ),
  ];
}

function secretLine(s: Status): string {
  const c = s.connection;
  if (c.kind === 'folder' || (c.kind === 'http' && c.auth.kind === 'none')) return '  secret: none needed';
  if (s.secret.set) {
    return s.secret.fromEnvironment
      ? `  secret: set in ${s.secret.environmentVariable}`
      : `  secret: set (kept in ${shownName(s.secret.where, 200)})`;
  }
  return `  secret: not set (planroom source secret ${s.source}, or set ${s.secret.environmentVariable})`;
}

function lastPullLine(s: Status): string {
  const p = s.lastPull;
  if (!p) return '  last pull: never';
  const took = `${(p.durationMs / 1000).toFixed(1)} s`;
  if (p.ok) {
    const what = p.unchanged ? `unchanged (snapshot ${p.snapshotId})` : `snapshot ${p.snapshotId}`;
    return `  last pull: ${p.at} ${what}, ${p.rows.toLocaleString('en')} rows in ${took} (${Math.round(p.rowsPerSecond).toLocaleString('en')} rows/s)`;
  }
  return `  last pull: ${p.at} FAILED after ${took}: ${shownText(formatError(p.error ?? { message: 'unknown error' }))}`;
}

export function statusLines(s: Status): string[] {
  return [
    `${s.source}${s.running ? ' (pulling now)' : ''}`,
    ...connectionLines(s.connection),
    s.schedule
      ? `  schedule: ${s.schedule} (cycle time zone), next pull ${s.nextPullAt ?? 'never'} while the app runs`
      : '  schedule: none (pulled on demand)',
    secretLine(s),
    lastPullLine(s),
  ];
}

function print(io: Io, v: Record<string, unknown>, data: unknown, lines: string[]): void {
  io.out(v.json ? JSON.stringify(data, null, 2) : lines.join('\n'));
}

async function statusOf(io: Io, v: Record<string, unknown>, source: string): Promise<Status | undefined> {
  return (await callApi(io, v, 'source.list', {})).find((s) => s.source === source);
}

const noConnection = (source: string): CallFailed =>
  new CallFailed({
    code: 'not_found',
    message: `${source} has no connection set.`,
    where: { field: 'source', value: source },
    hint: `Set one: planroom source set ${source} --folder DIR, or --file settings.json (a folder, http or postgres connection).`,
  });

const show: Subcommand = {
  usage: '[SOURCE]',
  args: 1,
  async run(v, [name], io) {
    const all = await callApi(io, v, 'source.list', {});
    const source = name === undefined ? undefined : sourceOption(name);
    const shown = source ? all.filter((s) => s.source === source) : all;
    if (source && shown.length === 0) throw noConnection(source);
    if (v.json) io.out(JSON.stringify(source ? shown[0] : shown, null, 2));
    else if (shown.length === 0)
      io.out('no source connections set: planroom source set SOURCE --folder DIR | --file settings.json');
    else io.out(shown.flatMap(statusLines).join('\n'));
    return EXIT.ok;
  },
};

const set: Subcommand = {
  usage: 'SOURCE (--file settings.json | --folder DIR) [--schedule "CRON" | --no-schedule]',
  args: 1,
  async run(v, [name], io) {
    const source = sourceOption(name);
    if ((v.file === undefined) === (v.folder === undefined)) {
      throw usage('give the connection: --file settings.json (folder, http or postgres) or --folder DIR');
    }
    if (v.schedule !== undefined && v['no-schedule']) throw usage('--schedule or --no-schedule, not both');
    const connection: SourceConnection =
      typeof v.folder === 'string' ? { kind: 'folder', dir: v.folder } : connectionFile(v.file as string);
    // Without --schedule or --no-schedule the schedule stays as it was.
    const schedule =
      typeof v.schedule === 'string'
        ? v.schedule
        : v['no-schedule']
          ? null
          : ((await statusOf(io, v, source))?.schedule ?? null);
    const s = await callApi(io, v, 'source.set', { source, connection, schedule }, { create: true });
    print(io, v, s, statusLines(s));
    return EXIT.ok;
  },
};

const CONNECTION_HINT =
  'Write a connection as JSON: {"kind": "folder", "dir": "/exports/erp"}, an http one ({"kind": "http", "odata": true, "auth": {"kind": "bearer"}, "timeoutSeconds": 60, "retries": 3, "maxPageMb": 64, "tables": {"items": {"url": "https://…", "rowsPath": "value", "paging": {"kind": "odata"}}}}) or a postgres one ({"kind": "postgres", "url": "postgres://user@host:5432/db", "tls": "require", "statementTimeoutSeconds": 300, "queries": {"items": "SELECT …"}}).';

/** The connection in a JSON file, checked here so the error names the file and the field. */
function connectionFile(file: string): SourceConnection {
  const parsed = SourceConnection.safeParse(readJsonFile(file, CONNECTION_HINT));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || '(the document)';
  throw new CallFailed({
    code: 'invalid_input',
    message: `${shownName(file, 200)} is not a source connection: ${field}: ${issue.message}.`,
    where: { file, field },
    hint: CONNECTION_HINT,
  });
}

const test: Subcommand = {
  usage: 'SOURCE',
  args: 1,
  async run(v, [name], io) {
    const source = sourceOption(name);
    const r = await callApi(io, v, 'source.test', { source });
    if (v.json) {
      io.out(JSON.stringify(r, null, 2));
      return r.ok ? EXIT.ok : EXIT.failed;
    }
    for (const t of r.tables) {
      const from = shownName(t.from || '-', 200);
      if (t.error) {
        io.out(`  ${t.table}: FAILED${t.from ? ` reading ${from}` : ''}: ${shownText(formatError(t.error))}`);
        continue;
      }
      io.out(
        `  ${t.table}: ${t.ok ? 'ok' : 'columns missing'}, ${from}: ${t.columns.length} columns, ${t.sample.length} rows read`,
      );
      if (t.missing.length > 0) {
        io.out(`    missing: ${t.missing.map((m) => shownName(m, 60)).join(', ')}`);
        io.out(
          `    found: ${t.columns
            .slice(0, 40)
            .map((c) => shownName(c, 60))
            .join(', ')}`,
        );
      }
      if (t.sample[0])
        io.out(
          `    first row: ${t.sample[0]
            .slice(0, 12)
            .map((c) => shownName(c, 40))
            .join(' | ')}`,
        );
    }
    io.out(
      r.ok
        ? `${source}: the connection reads every table the profile maps`
        : `${source}: the connection does not read every required table (see above); fix the connection or the mapping profile, then test again`,
    );
    return r.ok ? EXIT.ok : EXIT.failed;
  },
};

const pull: Subcommand = {
  usage: 'SOURCE',
  args: 1,
  async run(v, [name], io) {
    const source = sourceOption(name);
    const data = await callApi(io, v, 'source.pull', { source });
    if (v.json) io.out(JSON.stringify(data, null, 2));
    else if (data.unchanged) io.out(`${source}: identical to snapshot ${data.snapshotId}; nothing pulled`);
    else {
      printFiles(io, data.files);
      io.out(`${source}: snapshot ${data.snapshotId}, ${data.rowCount} rows (${formatCounts(data.rowCounts)})`);
      const last = (await statusOf(io, v, source))?.lastPull;
      if (last) {
        io.out(
          `pulled in ${(last.durationMs / 1000).toFixed(1)} s (${Math.round(last.rowsPerSecond).toLocaleString('en')} rows/s); pin it to the cycle on the Data page or with planroom cycle pin`,
        );
      }
    }
    return EXIT.ok;
  },
};

const secret: Subcommand = {
  usage: 'SOURCE [--remove]   (the secret is read from standard input)',
  args: 1,
  async run(v, [name], io) {
    if (v.value !== undefined) {
      throw usage(
        '--value is refused: a secret given as a flag stays in the shell history; pipe it or type it at the prompt',
      );
    }
    const source = sourceOption(name);
    if (v.remove) {
      const s = await callApi(io, v, 'source.removeSecret', { source });
      io.out(
        s.secret.set
          ? `${source}: forgotten here; one is still set in ${s.secret.environmentVariable}`
          : `${source}: secret forgotten`,
      );
      return EXIT.ok;
    }
    const value = await readSecret(`Token, password or API key of ${source} (not shown): `);
    if (value === '') throw usage('no secret on standard input: type it at the prompt, or pipe it (first line)');
    const s = await callApi(io, v, 'source.setSecret', { source, secret: value });
    io.out(`${source}: secret set (kept in ${shownName(s.secret.where, 200)})`);
    return EXIT.ok;
  },
};

const remove: Subcommand = {
  usage: 'SOURCE',
  args: 1,
  async run(v, [name], io) {
    const source = sourceOption(name);
    const r = await callApi(io, v, 'source.remove', { source });
    if (v.json) io.out(JSON.stringify(r, null, 2));
    else
      io.out(
        r.removed ? `${source}: connection and its secret removed; its snapshots stay` : `${source}: had no connection`,
      );
    return EXIT.ok;
  },
};

export const sourceVerb = subcommandVerb('source', {
  summary: 'Where each source system is pulled from (folder, HTTP/OData API, PostgreSQL): set, show, test, pull',
  options: {
    ...common,
    ...dbOption,
    file: { type: 'string' },
    folder: { type: 'string' },
    schedule: { type: 'string' },
    'no-schedule': { type: 'boolean', default: false },
    remove: { type: 'boolean', default: false },
    value: { type: 'string' },
  },
  default: 'show',
  subs: { show, set, test, pull, secret, remove },
  commonUsage: '[--db FILE] [--json]',
});
