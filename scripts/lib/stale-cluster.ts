/**
 * A PostgreSQL left running from an earlier `npm start` that was killed with -9 holds the data
 * directory, and the next start failed with "could not start: undefined". Before starting, the
 * cluster's postmaster.pid is read: a live process that is PostgreSQL serving this very directory
 * is an orphan of ours and is shut down (fast shutdown: it rolls back open transactions, loses no
 * committed write); a dead PID is a stale file PostgreSQL clears itself; anything else is refused
 * with what to do.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export class StaleClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaleClusterError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return null;
  }
}

/** Returns what it did: nothing to do, a stale pid file left for PostgreSQL, or an orphan stopped. */
export async function clearStaleCluster(clusterDir: string, options: { waitMs?: number } = {}): Promise<"none" | "stale-pid-file" | "stopped-orphan"> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return "none";
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return "stale-pid-file";
  const cmd = commandLine(pid);
  const ours = cmd !== null && /postgres/.test(cmd) && cmd.includes(path.resolve(clusterDir));
  if (!ours) {
    throw new StaleClusterError(
      `${pidFile} names process ${pid}, which is running but is not a PostgreSQL for this directory (${cmd ?? "unknown command"}). ` +
        `If no PostgreSQL uses ${clusterDir}, delete ${pidFile} and start again; otherwise stop that PostgreSQL first.`,
    );
  }
  console.log(`[vetta] a PostgreSQL from an earlier run (pid ${pid}) still holds ${clusterDir}; shutting it down before starting`);
  try {
    process.kill(pid, "SIGINT"); // fast shutdown
  } catch (error) {
    throw new StaleClusterError(`Could not stop the earlier PostgreSQL (pid ${pid}): ${(error as Error).message}. Stop it yourself (kill -INT ${pid}) and start again.`);
  }
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  while (alive(pid)) {
    if (Date.now() > deadline) throw new StaleClusterError(`The earlier PostgreSQL (pid ${pid}) did not stop within ${Math.round((options.waitMs ?? 20_000) / 1000)} s. Stop it yourself (kill -INT ${pid}, or kill -9 as a last resort) and start again.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return "stopped-orphan";
}
