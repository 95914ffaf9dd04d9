/**
 * Runs the real Vetta (`scripts/start.ts`, the production build) as a child process for tests that
 * need the whole thing: kill -9 of the launcher, a restored backup, two instances on one database.
 * The build must exist (`npm run build`); these tests refuse to build it themselves, since a build
 * inside a test would take minutes and race other builds.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** What the test runner's own setup puts in the environment and a started Vetta must not inherit. */
const INHERITED = ["DATABASE_URL", "DATABASE_MIGRATION_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "VETTA_FILE_MASTER_KEY", "VETTA_AUDIT_KEY", "VETTA_AUDIT_ANCHOR_FILE", "VETTA_TEST_PG_URL", "VETTA_STORAGE", "PORT", "VETTA_DATA_DIR", "VETTA_DB_PORT", "VETTA_METRICS_TOKEN", "npm_lifecycle_event", "npm_lifecycle_script"];

export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("VETTA_S3_") || name.startsWith("VITEST")) delete env[name];
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", VETTA_LOG_LEVEL: "warn", ...extra, NODE_ENV: "production" };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Every live descendant of `pid` (children, grandchildren, …), from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

export interface RunningApp {
  /** The process the test started (npm, or tsx's CLI in front of scripts/start.ts). */
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  /** Resolves with the exit code (or signal) once the launcher is gone. */
  exited: Promise<number | string | null>;
}

/**
 * Starts Vetta the way a user does (`npm start`, or `tsx scripts/start.ts` as under systemd) and
 * waits until /api/health/ready answers 200 (database, storage and a worker heartbeat).
 */
export async function startApp(options: { via: "npm" | "tsx"; env: NodeJS.ProcessEnv; readyTimeoutMs?: number }): Promise<RunningApp> {
  const port = Number(options.env.PORT ?? (await freePort()));
  const env = { ...options.env, PORT: String(port), HOST: "127.0.0.1" };
  const child =
    options.via === "npm"
      ? spawn("npm", ["start", "--silent"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
      : spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Vetta exited with ${child.exitCode} before it was ready:\n${out}`);
    if (/building the app/.test(out)) {
      child.kill("SIGTERM");
      throw new Error("Vetta started building: run `npm run build` before this test");
    }
    const ok = await fetch(`${url}/api/health/ready`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`Vetta was not ready within ${options.readyTimeoutMs ?? 180_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, url, port, output: () => out, exited };
}

/** SIGTERM (a clean stop: drain, worker, PostgreSQL) and wait for the whole tree to be gone. */
export async function stopApp(app: RunningApp, timeoutMs = 60_000): Promise<void> {
  const tree = [app.child.pid!, ...descendants(app.child.pid!)];
  if (app.child.exitCode === null) app.child.kill("SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const pid of tree.filter(alive)) process.kill(pid, "SIGKILL");
}
