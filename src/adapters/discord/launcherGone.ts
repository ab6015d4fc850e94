import { readFileSync } from 'node:fs';

/** The parent of process `pid`, from /proc (Linux); undefined where /proc is not there or the process is gone. */
function parentOf(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Resolves when the process that launched our launcher goes away. `npm start` runs the bot as
 * npm → sh → tsx → node; npm 11 answers SIGTERM by killing the shell only, which leaves tsx and
 * the bot running, orphaned, still connected and still holding the database. Our parent (tsx)
 * being re-parented is the sign: the bot then stops as if it had received SIGTERM itself. Never
 * resolves where /proc is missing.
 */
export function launcherGone(intervalMs = 1000): Promise<'launcher gone'> {
  return new Promise((resolve) => {
    const launcher = parentOf(process.ppid);
    if (launcher === undefined || launcher <= 1) return;
    const timer = setInterval(() => {
      if (parentOf(process.ppid) !== launcher) {
        clearInterval(timer);
        resolve('launcher gone');
      }
    }, intervalMs);
    timer.unref();
  });
}
