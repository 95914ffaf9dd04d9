/**
 * The server the Playwright suite runs against: a fresh embedded PostgreSQL in .data/e2e, the
 * demo organisation seeded with a known password, a second organisation for cross-tenant tests,
 * then the real `npm start` path (production build) on the port the runner chose (e2e/support/env.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_PASSWORD, E2E_DATA_DIR, E2E_PORT, METRICS_TOKEN } from "../e2e/support/env";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";

const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")} failed with ${code}\n${out}`))));
  });
}

await rm(E2E_DATA_DIR, { recursive: true, force: true });
const db = await startEmbeddedPostgres({ dataDir: E2E_DATA_DIR, databases: ["vetta"] });
// As in production: the app runs as the least-privilege role, migrations as the owner.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: db.appUrl("vetta"),
  DATABASE_MIGRATION_URL: db.ownerUrl("vetta"),
  VETTA_DATA_DIR: E2E_DATA_DIR,
  VETTA_DEMO_PASSWORD: DEMO_PASSWORD,
  VETTA_METRICS_TOKEN: METRICS_TOKEN,
  PORT: String(E2E_PORT),
  HOST: "127.0.0.1",
  NEXT_TELEMETRY_DISABLED: "1",
  // As if behind a TLS-terminating proxy: a spec may give each request its own client address
  // (X-Forwarded-For, so a burst does not lock the runner's own address) and claim https (HSTS).
  // Requests without the headers are treated as before: the socket's address, plain http.
  VETTA_TRUST_PROXY: "1",
  // The webhook spec's receiver listens on loopback, as a receiver on the MSP's own network would.
  VETTA_WEBHOOK_ALLOW_PRIVATE: "true",
  // One line per request would bury the test output; warnings and unexpected errors still show.
  VETTA_LOG_LEVEL: process.env.VETTA_LOG_LEVEL ?? "warn",
};

let app: ChildProcess | null = null;
const shutdown = async () => {
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((r) => app!.once("exit", r));
  }
  await db.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());

try {
  await run([tsx, "--conditions=react-server", "scripts/prepare-db.ts"], env);
  const other = JSON.parse(await run([tsx, "--conditions=react-server", "e2e/support/seed-other-org.ts"], env));
  await writeFile(path.join(E2E_DATA_DIR, "state.json"), JSON.stringify({ databaseUrl: db.appUrl("vetta"), adminUrl: db.url("vetta"), other }));
  app = spawn(process.execPath, [tsx, "scripts/start.ts"], { env, stdio: "inherit" });
  app.on("exit", (code) => {
    if (code !== 0) console.error(`[e2e] app exited with ${code}`);
    void shutdown();
  });
} catch (error) {
  console.error(error);
  await db.stop();
  process.exit(1);
}
