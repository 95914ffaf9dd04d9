/**
 * A fresh, empty database for a test, on the cluster the integration suite runs
 * (VETTA_TEST_PG_URL, set by lib/testing/integration-global-setup.ts). Dropped by `drop()`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export async function createTestDatabase(label = "t"): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.VETTA_TEST_PG_URL;
  if (!adminUrl) throw new Error("VETTA_TEST_PG_URL is not set: run this through the integration test project.");
  const name = `${label}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
