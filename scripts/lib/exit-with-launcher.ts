/**
 * Makes Vetta's processes follow the process that launched them. Linux signals nobody when a
 * parent is killed with -9, so `npm start` (npm → sh → tsx → Vetta) killed that way used to leave
 * the server, the worker and PostgreSQL running as orphans. Each long-running process calls this
 * once: it polls the processes above it, and when one is gone it runs `onGone` (a clean stop).
 *
 * Watched: the direct parent always (its death re-parents us, so `process.ppid` changes); when
 * started through npm, every ancestor up to and including the npm process, since killing npm
 * leaves its shell and tsx alive; and the IPC channel when there is one (its 'disconnect' is
 * immediate). A process started by init or a service manager directly (parent pid 1) watches
 * nothing: there is no launcher to lose.
 */
import { readFileSync } from "node:fs";

function parentOf(pid: number): number | null {
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null; // not Linux, or gone
  }
}

function isNpm(pid: number): boolean {
  try {
    // npm renames itself ("npm start"), which rewrites its command line into one string; started
    // another way it reads "node …/npm-cli.js start".
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    return /^(\S*\/)?npm(-cli\.js)?( |$)/.test(cmd) || /^(\S*\/)?node \S*\/npm(-cli\.js)?( |$)/.test(cmd);
  } catch {
    return false;
  }
}

/** The processes whose death should stop this one (nearest first). Exported for the test. */
export function launcherChain(env: NodeJS.ProcessEnv = process.env): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  if (pid <= 1) return chain;
  chain.push(pid);
  // Only through npm do we know where the launcher ends; otherwise the parent is the launcher
  // (a shell that started `tsx scripts/start.ts &` and then exited is no reason to stop).
  if (!env.npm_lifecycle_event) return chain;
  for (let depth = 0; depth < 6 && !isNpm(pid); depth++) {
    const up = parentOf(pid);
    if (up === null || up <= 1) return [process.ppid]; // no npm above us after all
    pid = up;
    chain.push(pid);
  }
  return isNpm(pid) ? chain : [process.ppid];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Calls `onGone` once when the launcher is gone; returns a function that stops watching. */
export function exitWithLauncher(onGone: (why: string) => void, options: { intervalMs?: number } = {}): () => void {
  const parent = process.ppid;
  const chain = launcherChain();
  let done = false;
  const fire = (why: string) => {
    if (done) return;
    done = true;
    clearInterval(timer);
    onGone(why);
  };
  const timer = setInterval(() => {
    if (chain.length === 0) return;
    if (process.ppid !== parent) return fire(`its parent process ${parent} is gone`);
    const dead = chain.find((pid) => !alive(pid));
    if (dead !== undefined) fire(`the process that launched it (${dead}) is gone`);
  }, options.intervalMs ?? 500);
  timer.unref();
  const onDisconnect = () => fire("its parent closed the IPC channel");
  if (process.send) process.once("disconnect", onDisconnect);
  return () => {
    done = true;
    clearInterval(timer);
    process.off("disconnect", onDisconnect);
  };
}
