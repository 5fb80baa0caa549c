// Whether a process still runs: a temp file named after a live writer's pid is that writer's,
// one named after a gone process is a leftover to remove.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
