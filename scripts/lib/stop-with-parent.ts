/**
 * Makes the embedded PostgreSQL die with the process that started it. Node cannot ask Linux to
 * signal a child when its parent dies, so a small detached watcher polls the parent once a second
 * and, when it is gone (kill -9, OOM), shuts the cluster down (fast shutdown). Stopping normally
 * stops the watcher first.
 */
import { spawn } from "node:child_process";

const WATCHER = `
const [parent, postmaster] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; } };
const timer = setInterval(() => {
  if (!alive(postmaster)) process.exit(0);
  if (alive(parent)) return;
  try { process.kill(postmaster, "SIGINT"); } catch {}
  clearInterval(timer);
  process.exit(0);
}, 1000);
`;

/** Returns a function that stops the watcher (call it before stopping the cluster yourself). */
export function stopClusterWithParent(postmasterPid: number): () => void {
  const watcher = spawn(process.execPath, ["-e", WATCHER, String(process.pid), String(postmasterPid)], { detached: true, stdio: "ignore" });
  watcher.unref();
  return () => {
    try {
      watcher.kill();
    } catch {
      // already gone
    }
  };
}
