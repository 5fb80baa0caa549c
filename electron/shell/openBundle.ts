// Opening a .planroom file from the desktop (double-click, "Open with", a drop on the dock
// icon): Planroom asks first, imports the bundle with the normal bundle import (which refuses a
// newer format with what to do, and never replaces a database) into a database of its own under
// <user data>/bundles/, then restarts on it. The current database is never touched: a refusal
// or a failure shows its message and leaves it open. Electron's dialog and relaunch come in as
// deps, so the whole flow runs in tests without Electron.
import { mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { shownName } from '../../shared/domain/displayName';
import { AppError, cutInput, formatError } from '../../shared/domain/errors';
import { checkBundle } from '../bundle/checkBundle';
import { importBundle, type ImportSummary } from '../bundle/importBundle';
import { loadMigrations } from '../db/migrate';
import { logInternal } from '../log';
import { bundleTargetPath } from './bundleTarget';

export { bundleFromArgv, relaunchOptions } from './bundleArgv';

export interface OpenBundleDeps {
  /** Electron's app.getPath('userData'); the databases go to its bundles/ folder. */
  userData: string;
  /** Asks the question (a message box with Open and Cancel); true to go on. */
  confirm(question: { message: string; detail: string }): Promise<boolean>;
  /** Shows a failure (dialog.showErrorBox). */
  showError(title: string, message: string): void;
  /** Restarts Planroom on the new database (app.relaunch with --db PATH, then app.exit(0)). */
  relaunch(dbPath: string): void;
  /** Writes an unexpected error's stack to the log; returns the log's path. */
  logInternal?: (call: string, error: unknown) => string | undefined;
}

export type OpenBundleResult =
  { kind: 'opened'; summary: ImportSummary } | { kind: 'declined' } | { kind: 'failed'; message: string };

export const OPEN_FAILED_TITLE = 'Planroom cannot open this cycle bundle';

/** The question asked before anything is written, with the cycle and the file as shown names. */
export function openQuestion(file: string, cycleName: string | null): { message: string; detail: string } {
  const cycle = cycleName === null ? '' : ` ${shownName(cycleName, 80)}`;
  return {
    message: `Open the cycle${cycle} from ${shownName(basename(file))}?`,
    detail: `It opens as its own database; your current database is not changed.\n\nFile: ${shownName(file)}`,
  };
}

export async function openBundleFile(file: string, deps: OpenBundleDeps): Promise<OpenBundleResult> {
  try {
    // Read-only first: a damaged, foreign or newer file is refused before the question.
    const checked = checkBundle(file, loadMigrations());
    // A database that is no bundle (a backup) has no cycle name: its file name stands in.
    const cycleName = checked.info?.cycleName ?? null;
    if (!(await deps.confirm(openQuestion(file, cycleName)))) return { kind: 'declined' };
    const dir = join(deps.userData, 'bundles');
    mkdirSync(dir, { recursive: true });
    const target = bundleTargetPath(dir, cycleName ?? basename(file, extname(file)));
    // No force: should the name be taken in the meantime, the import refuses rather than replace.
    const summary = await importBundle(file, target);
    deps.relaunch(summary.target);
    return { kind: 'opened', summary };
  } catch (e) {
    const message = failureMessage(file, e, deps.logInternal ?? logInternal);
    deps.showError(OPEN_FAILED_TITLE, message);
    return { kind: 'failed', message };
  }
}

function failureMessage(file: string, e: unknown, log: (call: string, error: unknown) => string | undefined): string {
  if (e instanceof AppError) return formatError(e.toShape());
  const loggedAt = log('open-bundle', e);
  return [
    `Planroom could not open ${shownName(file)}: ${cutInput(e instanceof Error ? e.message : String(e), 300)}.`,
    'Your current database is unchanged.',
    loggedAt ? `The details are in ${loggedAt}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Requests to open bundles, in the order they come: from argv at launch, from a second
 * instance, from macOS's open-file (which can fire before the app is ready). They wait until
 * `ready()`, and run one at a time, so two double-clicks never stack two questions; a file
 * asked for again while its question is open is not asked twice.
 */
export function bundleOpener(open: (file: string) => Promise<unknown>) {
  const waiting: string[] = [];
  let isReady = false;
  let running: string | null = null;

  const next = (): void => {
    if (!isReady || running !== null) return;
    const file = waiting.shift();
    if (file === undefined) return;
    running = file;
    void open(file).finally(() => {
      running = null;
      next();
    });
  };

  return {
    request(file: string): void {
      if (file === running || waiting.includes(file)) return;
      waiting.push(file);
      next();
    },
    ready(): void {
      isReady = true;
      next();
    },
  };
}
