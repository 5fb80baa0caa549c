// `planroom`: the command line over the same service functions as IPC and the HTTP host. Each
// verb lives in its own file under cli/; this entry only names them, prints the help and turns
// errors into exit codes: 0 ok, 1 the operation failed (bad data, conflict), 2 usage error, 3
// database cannot be opened or is damaged (missing, unwritable, newer version, corrupt, not
// Planroom's), 4 busy.
import { parseArgs } from 'node:util';
import { shownName, shownText } from '../shared/domain/displayName';
import { AppError, formatDetail, formatError } from '../shared/domain/errors';
import { agendaVerb } from './cli/agenda';
import { bundleVerb } from './cli/bundle';
import { CallFailed, EXIT, UsageError, type Io, type Verb } from './cli/core';
import { cycleVerb } from './cli/cycle';
import { dataIssuesVerb } from './cli/dataIssues';
import { decisionsVerb } from './cli/decisions';
import { dbVerb } from './cli/db';
import { demoVerb } from './cli/demo';
import { exceptionsVerb } from './cli/exceptions';
import { importVerb } from './cli/import';
import { kpisVerb } from './cli/kpis';
import { meetingVerb } from './cli/meeting';
import { minutesVerb } from './cli/minutes';
import { profileVerb } from './cli/profile';
import { scenarioVerb } from './cli/scenario';
import { serveVerb, startVerb } from './cli/serve';
import { snapshotsVerb } from './cli/snapshots';
import { sourceVerb } from './cli/source';
import { syncVerb } from './cli/sync';
import { versionVerb } from './cli/version';
import { logInternal } from './log';
import { appVersion } from './version';

export type { Io } from './cli/core';

const VERBS: Record<string, Verb> = {
  demo: demoVerb,
  import: importVerb,
  profile: profileVerb,
  snapshots: snapshotsVerb,
  source: sourceVerb,
  cycle: cycleVerb,
  'data-issues': dataIssuesVerb,
  exceptions: exceptionsVerb,
  kpis: kpisVerb,
  scenario: scenarioVerb,
  agenda: agendaVerb,
  meeting: meetingVerb,
  decisions: decisionsVerb,
  minutes: minutesVerb,
  sync: syncVerb,
  bundle: bundleVerb,
  db: dbVerb,
  serve: serveVerb,
  start: startVerb,
  version: versionVerb,
};

function helpText(): string {
  const lines = [
    'planroom: S&OP meetings offline, on one version of the truth',
    '',
    'usage: planroom <command> [options]',
    '',
  ];
  const width = Math.max(...Object.keys(VERBS).map((n) => n.length));
  for (const [name, verb] of Object.entries(VERBS)) lines.push(`  ${name.padEnd(width)} ${verb.summary}`);
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
      const loggedAt = logInternal(`planroom ${process.argv[2] ?? ''}`.trim(), e);
      process.stderr.write(
        `planroom: internal error: ${e instanceof Error ? e.message : String(e)}\n` +
          (loggedAt
            ? `This is a bug in Planroom. The details are in ${loggedAt}: please send that file with a report.\n`
            : `${e instanceof Error ? e.stack : ''}\n`),
      );
      process.exitCode = 70;
    },
  );
}
