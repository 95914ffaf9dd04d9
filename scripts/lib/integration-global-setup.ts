/**
 * Integration tests run against a real PostgreSQL 18: the embedded one, started here in a fresh
 * temporary directory (or the cluster named by VETTA_TEST_PG_URL), with the migrations applied
 * to one shared database. Tests isolate themselves by working in their own organisation.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { applyMigrations } from "./schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.VETTA_TEST_PG_URL;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), "vetta-it-"));
    embedded = await startEmbeddedPostgres({ dataDir: dir });
    adminUrl = embedded.adminUrl;
  }
  const name = `vetta_it_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  await applyMigrations(databaseUrl.toString());

  process.env.VETTA_TEST_PG_URL = adminUrl;
  project.provide("databaseUrl", databaseUrl.toString());
  project.provide("adminUrl", adminUrl);

  return async () => {
    if (embedded) await embedded.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (!embedded) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    }
  };
}
