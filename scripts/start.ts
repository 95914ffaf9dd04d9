/**
 * `npm start`: everything Vetta needs, in order.
 *  1. secrets from the environment, or generated once into .data/
 *  2. PostgreSQL: DATABASE_URL when set, else an embedded PostgreSQL 18 with its data in .data/pg
 *  3. pending migrations applied, and a demo organisation seeded into an empty database
 *  4. a production build, made when the sources changed since the last one
 *  5. the HTTP server, and the job worker (reminders) beside it unless VETTA_JOBS=off;
 *     SIGINT/SIGTERM stop them and the embedded database cleanly
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./lib/build";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { loadOrCreateSecrets } from "./lib/secrets";
import { startHttpServer } from "./server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(root, process.env.VETTA_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

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
  let server: Server | null = null;
  let worker: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("[vetta] stopping…");
    if (worker && worker.exitCode === null) {
      const exited = new Promise<void>((resolve) => worker!.once("exit", () => resolve()));
      worker.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 12_000))]);
    }
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    if (!process.env.DATABASE_URL) {
      const dbPort = process.env.VETTA_DB_PORT ? Number(process.env.VETTA_DB_PORT) : undefined;
      embedded = await startEmbeddedPostgres({ dataDir, port: dbPort, databases: ["vetta"] });
      // The app runs as the least-privilege role; only the migration step gets the owner's URL.
      process.env.DATABASE_URL = embedded.appUrl("vetta");
      process.env.DATABASE_MIGRATION_URL = embedded.ownerUrl("vetta");
      console.log(`[vetta] embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.relative(root, dataDir) || "."}/pg)`);
    }

    // Migrations and seeding import server-only modules, so they run with the react-server condition.
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    await runChild("database preparation", [tsx, "--conditions=react-server", "scripts/prepare-db.ts"], process.env);
    delete process.env.DATABASE_MIGRATION_URL;
    await ensureBuild(root);

    server = await startHttpServer({ dir: root, port, hostname });
    console.log(`[vetta] ready on ${process.env.NEXTAUTH_URL}`);
    if (process.env.VETTA_JOBS !== "off") {
      worker = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/worker.ts"], { cwd: root, env: process.env, stdio: "inherit" });
      worker.on("exit", (code, signal) => {
        if (!stopping) console.error(`[vetta] job worker stopped (${signal ?? `exit code ${code}`}); reminders are paused until restart`);
      });
    }
  } catch (error) {
    console.error(`[vetta] could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
