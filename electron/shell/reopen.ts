// Opening another database restarts Planroom on it (app.relaunch with --db PATH, then exit):
// the database, its write queue, the engine's cache, the sync loop and the renderer's stores
// are all set up once per process, and a fresh process is the one way to swap every one of them
// with nothing left over from the previous file.

/** The new process's arguments: this one's (minus the executable), with --db set to `dbPath`. */
export function relaunchArgs(argv: readonly string[], dbPath: string): string[] {
  const args: string[] = [];
  const rest = argv.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--db')
      i++; // and its value
    else if (!a.startsWith('--db=')) args.push(a);
  }
  return [...args, '--db', dbPath];
}
