/**
 * A fresh, empty, uniquely named database for a test; `drop()` removes it. It lives on the cluster
 * named by VETTA_TEST_PG_URL (a superuser URL, set by scripts/lib/integration-global-setup.ts)
 * or, when that is not set, on an embedded PostgreSQL started here in a temporary directory,
 * shared by this process's test databases and stopped and deleted when the last one is dropped.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

interface Cluster {
  adminUrl: string;
  release(): Promise<void>;
}

let embedded: { db: Promise<{ db: EmbeddedDatabase; dir: string }>; users: number } | null = null;

async function acquireCluster(): Promise<Cluster> {
  const adminUrl = process.env.VETTA_TEST_PG_URL;
  if (adminUrl) return { adminUrl, release: async () => undefined };

  embedded ??= {
    users: 0,
    db: (async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "vetta-testdb-"));
      return { db: await startEmbeddedPostgres({ dataDir: dir }), dir };
    })(),
  };
  const current = embedded;
  current.users += 1;
  let db: EmbeddedDatabase;
  try {
    ({ db } = await current.db);
  } catch (error) {
    // Do not keep a cluster that never started: the next caller tries afresh.
    current.users -= 1;
    if (embedded === current) embedded = null;
    throw error;
  }
  return {
    adminUrl: db.adminUrl,
    async release() {
      current.users -= 1;
      if (current.users > 0) return;
      if (embedded === current) embedded = null;
      const { db: started, dir } = await current.db;
      await started.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `label` (lower-case letters, digits, _) prefixes the name, to tell databases apart when debugging. */
export async function createTestDatabase(label = "t"): Promise<TestDatabase> {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(label)) throw new Error(`Test database label "${label}" must match [a-z][a-z0-9_]*`);
  const cluster = await acquireCluster();
  const name = `${label}_${randomBytes(6).toString("hex")}`;
  try {
    await asAdmin(cluster.adminUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    await cluster.release();
    throw error;
  }
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      try {
        await asAdmin(cluster.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cluster.release();
      }
    },
  };
}
