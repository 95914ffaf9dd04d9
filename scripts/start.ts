/**
 * `npm start`: everything Vetta needs, in order.
 *  1. secrets from the environment, or generated once into .data/
 *  2. PostgreSQL: DATABASE_URL when set, else an embedded PostgreSQL 18 with its data in .data/pg
 *  3. pending migrations applied, and a demo organisation seeded into an empty database
 *  4. a production build, made when the sources changed since the last one
 *  5. the HTTP server, and the job worker (reminders) beside it unless VETTA_JOBS=off;
 *     SIGINT/SIGTERM drain the server (503 to new requests, in-flight ones get
 *     VETTA_SHUTDOWN_GRACE_SECONDS), then stop the worker and the embedded database.
 * If the embedded PostgreSQL dies while Vetta runs, it is restarted (same port and data, bounded
 * attempts with backoff); when it cannot be brought back, Vetta exits with code 1 so a service
 * manager restarts everything (README: Operations).
 * Killed with -9, its children follow: the worker sees its IPC channel close, and a watcher
 * shuts the embedded PostgreSQL down; a PostgreSQL left over anyway is cleared at the next start.
 * When its launcher is killed with -9 instead (npm, or the tsx in front of this process), this
 * process notices within a second and stops cleanly, worker and PostgreSQL included.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./lib/build";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { exitWithLauncher } from "./lib/exit-with-launcher";
import { clearStaleCluster } from "./lib/stale-cluster";
import { stopClusterWithParent } from "./lib/stop-with-parent";
import { superviseEmbeddedPostgres } from "./lib/supervise-postgres";
import { loadOrCreateSecrets } from "./lib/secrets";
import { markPhase, markProcessStart } from "./lib/startup-timing";
import { startHttpServer } from "./server";

markProcessStart("launcher");
markPhase("launcher", "modules loaded");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(root, process.env.VETTA_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const graceSeconds = Number(process.env.VETTA_SHUTDOWN_GRACE_SECONDS ?? 10);
/**
 * `npm run dev` (start.ts --dev): the same secrets, embedded database, migrations, seed and job
 * worker, but Next's dev server (hot reload) instead of the production build. The raw-request
 * checks of scripts/server.ts (malformed URLs, HSTS) are production-server only.
 */
const dev = process.argv.includes("--dev");

/** Every start-up failure as what is wrong and what to do (an error without a message said "undefined"). */
function describeStartError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return `the embedded PostgreSQL did not start (it gave no reason). Check that ${path.relative(root, dataDir) || "."}/pg belongs to this user and no other PostgreSQL uses it, and that the disk is not full; run with DEBUG=embedded-postgres for its log, or set DATABASE_URL to use your own PostgreSQL.`;
}

function runChild(label: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  Object.assign(process.env, await loadOrCreateSecrets(dataDir));
  process.env.NEXTAUTH_URL ??= `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;

  let embedded: EmbeddedDatabase | null = null;
  let server: Awaited<ReturnType<typeof startHttpServer>> | null = null;
  let stopWatcher: (() => void) | null = null;
  let stopSupervisor: (() => void) | null = null;
  let worker: ChildProcess | null = null;
  let devServer: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("[vetta] stopping…");
    if (server) {
      const { unfinished } = await server.drainer.drain(graceSeconds * 1000);
      if (unfinished) console.warn(`[vetta] ${unfinished} request(s) still running after ${graceSeconds} s were cut off`);
    }
    if (devServer && devServer.exitCode === null) {
      const exited = new Promise<void>((resolve) => devServer!.once("exit", () => resolve()));
      devServer.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    if (worker && worker.exitCode === null) {
      const exited = new Promise<void>((resolve) => worker!.once("exit", () => resolve()));
      worker.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 12_000))]);
    }
    stopSupervisor?.();
    stopWatcher?.();
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  // embedded-postgres (through async-exit-hook) stops every cluster as soon as SIGINT/SIGTERM
  // arrives and then exits the process itself: PostgreSQL went away while requests were still
  // draining and the worker stopping, the supervisor took that for a crash and restarted it, and
  // the worker died on its cut connections. stop() below shuts the cluster down, last.
  // (process.listeners leaves out tsx's own hidden signal relay, which stays.)
  for (const signal of ["SIGINT", "SIGTERM"] as const) for (const listener of process.listeners(signal)) process.off(signal, listener);
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // A launcher killed with -9 signals nobody: without this, server, worker and PostgreSQL ran on.
  exitWithLauncher((why) => {
    console.error(`[vetta] ${why}; stopping Vetta`);
    void stop(0);
  });
  // With the launcher gone the terminal or pipe may be too; a failed log line must not abort the stop.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

  try {
    if (!process.env.DATABASE_URL) {
      const dbPort = process.env.VETTA_DB_PORT ? Number(process.env.VETTA_DB_PORT) : undefined;
      const cleared = await clearStaleCluster(path.join(dataDir, "pg"));
      if (cleared === "stopped-orphan") console.log("[vetta] stopped a PostgreSQL left running by an earlier start");
      embedded = await startEmbeddedPostgres({ dataDir, port: dbPort, databases: ["vetta"] });
      markPhase("launcher", "postgres up");
      const postmaster = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      if (Number.isInteger(postmaster) && postmaster > 0) stopWatcher = stopClusterWithParent(postmaster);
      stopSupervisor = superviseEmbeddedPostgres(embedded, {
        // The new postmaster needs its own watcher, so a kill -9 of Vetta still takes it along.
        onRestarted: (pid) => {
          stopWatcher?.();
          stopWatcher = pid ? stopClusterWithParent(pid) : null;
        },
        onGiveUp: () => void stop(1),
      }).stop;
      // The app runs as the least-privilege role; only the migration step gets the owner's URL.
      process.env.DATABASE_URL = embedded.appUrl("vetta");
      process.env.DATABASE_MIGRATION_URL = embedded.ownerUrl("vetta");
      console.log(`[vetta] embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.relative(root, dataDir) || "."}/pg)`);
    }

    // Migrations and seeding import server-only modules, so they run with the react-server condition.
    // Only that child gets the owner role's URL; this process (which loads the app) never holds it.
    const migrationEnv = { ...process.env };
    delete process.env.DATABASE_MIGRATION_URL;
    // The database is prepared while the build is checked and Next loads it; nothing listens, and
    // no worker touches the database, until it is done. Node with tsx as a loader rather than
    // tsx's CLI, which would start a second Node process in front of it.
    const prepared = runChild("database preparation", ["--import", "tsx", "--conditions=react-server", "scripts/prepare-db.ts"], migrationEnv);
    prepared.catch(() => undefined); // awaited below; a failure while the build is checked is reported there
    const startWorker = () => {
      if (process.env.VETTA_JOBS === "off" || stopping) return;
      // Started at once, beside the database preparation: it loads its code (tsx, pg-boss, the
      // data layer: about a CPU-second) meanwhile, then waits for the word that the database is
      // prepared before it connects. Readiness waits for its heartbeat.
      // Started directly (tsx as a loader, not its CLI, which would put a process in between),
      // with an IPC channel: the worker notices when this process dies, even by kill -9.
      const started = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], { cwd: root, env: { ...process.env, VETTA_WORKER_WAIT_FOR_DATABASE: "1" }, stdio: ["inherit", "inherit", "inherit", "ipc"] });
      started.on("exit", (code, signal) => {
        if (!stopping) console.error(`[vetta] job worker stopped (${signal ?? `exit code ${code}`}); reminders are paused until restart`);
      });
      worker = started;
      void prepared.then(
        () => {
          if (started.connected) started.send("database prepared");
        },
        () => undefined, // the failure stops everything, the worker included
      );
    };
    startWorker();
    if (dev) {
      await prepared;
      const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
      devServer = spawn(process.execPath, [nextBin, "dev", "--port", String(port), "--hostname", hostname], { cwd: root, env: process.env, stdio: "inherit" });
      devServer.on("exit", (code, signal) => {
        if (!stopping) {
          console.error(`[vetta] the dev server stopped (${signal ?? `exit code ${code}`})`);
          void stop(1);
        }
      });
      console.log(`[vetta] dev server (hot reload) starting on ${process.env.NEXTAUTH_URL}`);
    } else {
      await ensureBuild(root);
      markPhase("launcher", "build checked");
      server = await startHttpServer({ dir: root, port, hostname, beforeListen: prepared });
      markPhase("launcher", "listening");
      console.log(`[vetta] ready on ${process.env.NEXTAUTH_URL}`);
    }
  } catch (error) {
    console.error(`[vetta] could not start: ${describeStartError(error)}`);
    await stop(1);
  }
}

void main();
