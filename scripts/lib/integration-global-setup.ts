/**
 * Integration tests run against a real PostgreSQL 18: the embedded one, started here in a fresh
 * temporary directory (or the cluster named by VETTA_TEST_PG_URL), with the migrations applied
 * to one shared database. Tests isolate themselves by working in their own organisation.
 *
 * As in production, the database belongs to the owner role (migrations) and tests' lib/db
 * connects as the least-privilege app role (scripts/lib/db-roles.ts); `adminUrl` is the superuser,
 * for tests that play a database administrator tampering with the audit trail.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { randomBytes } from "node:crypto";
import { APP_ROLE, ensureDatabase, ensureRoles, migrateAndGrant, OWNER_ROLE, urlAs } from "./db-roles";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app role's URL of the shared test database (what lib/db uses). */
    databaseUrl: string;
    /** The owner role's URL of the same database. */
    ownerUrl: string;
    /** Superuser URL of the cluster's maintenance database. */
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
  await admin.end();
  const passwords = { owner: randomBytes(12).toString("hex"), app: randomBytes(12).toString("hex") };
  await ensureRoles(adminUrl, passwords);
  await ensureDatabase(adminUrl, name);
  const base = new URL(adminUrl);
  base.pathname = `/${name}`;
  const ownerUrl = urlAs(base.toString(), OWNER_ROLE, passwords.owner);
  const databaseUrl = urlAs(base.toString(), APP_ROLE, passwords.app);
  await migrateAndGrant(ownerUrl, databaseUrl);

  process.env.VETTA_TEST_PG_URL = adminUrl;
  project.provide("databaseUrl", databaseUrl);
  project.provide("ownerUrl", ownerUrl);
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
