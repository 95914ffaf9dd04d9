/**
 * The migrations in prisma/migrations against prisma/schema.prisma, on a real PostgreSQL: one
 * database built from the migrations, one straight from the schema, and their catalogs compared.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogSnapshot, snapshotDifferences } from "../scripts/lib/catalog-snapshot";
import { lastMigrationSchema, migrationNames } from "../scripts/lib/migrations-dir";
import { applyMigrations, diffSchemas } from "../scripts/lib/schema-engine";
import { createTestDatabase, type TestDatabase } from "../scripts/lib/test-database";

const MIGRATIONS = "prisma/migrations";
const schema = readFileSync("prisma/schema.prisma", "utf8");
let fromMigrations: TestDatabase;
let fromSchema: TestDatabase;
let firstRun: { applied: string[] };

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  [fromMigrations, fromSchema] = await Promise.all([createTestDatabase("drift_m"), createTestDatabase("drift_s")]);
  firstRun = await applyMigrations(fromMigrations.url, MIGRATIONS);
  const sql = await diffSchemas(null, schema);
  await withClient(fromSchema.url, (client) => client.query(sql));
});
afterAll(async () => {
  await Promise.all([fromMigrations?.drop(), fromSchema?.drop()]);
});

describe("migrations", () => {
  it("were made from the current schema.prisma (no change without a migration)", async () => {
    const last = lastMigrationSchema(MIGRATIONS);
    if (!last) throw new Error(`${MIGRATIONS} holds no migration: run npm run db:migrate:create -- init`);
    const pending = await diffSchemas(last.schema, schema);
    expect(pending, `prisma/schema.prisma changed since ${last.name} was made: run npm run db:migrate:create -- NAME`).toBe("");
  });

  it("build the same database as the schema itself (no drift)", async () => {
    const differences = snapshotDifferences(await catalogSnapshot(fromMigrations.url), await catalogSnapshot(fromSchema.url), ["migrations", "schema.prisma"]);
    expect(differences, `The migrations and prisma/schema.prisma build different databases:\n${differences.join("\n")}`).toEqual([]);
  });

  it("apply every migration once, record it, and apply nothing the second time", async () => {
    expect(firstRun.applied).toEqual(migrationNames(MIGRATIONS));
    expect((await applyMigrations(fromMigrations.url, MIGRATIONS)).applied).toEqual([]);
    const rows = await withClient(fromMigrations.url, async (client) => {
      const result = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; checksum: string }>(
        `SELECT migration_name, finished_at, rolled_back_at, checksum FROM _prisma_migrations ORDER BY migration_name`,
      );
      return result.rows;
    });
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames(MIGRATIONS));
    for (const row of rows) {
      expect(row.finished_at, `${row.migration_name} finished`).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("make the audit table append-only, except to its owner with triggers disabled", async () => {
    await withClient(fromMigrations.url, async (client) => {
      await client.query(`INSERT INTO "Organization" (id, name, slug) VALUES ('o1', 'O', 'o')`);
      await client.query(
        `INSERT INTO "AuditEvent" (id, "organizationId", seq, "actorLabel", action, "entityType", summary, "prevHash", hash)
         VALUES ('e1', 'o1', 1, 'x', 'a', 'T', '{}', 'p', 'h')`,
      );
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'b'`)).rejects.toThrow(/AuditEvent is append-only/);
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/AuditEvent is append-only/);
      // AuditSeal references AuditEvent, so a truncate must name both; the triggers refuse it.
      await expect(client.query(`TRUNCATE "AuditEvent", "AuditSeal"`)).rejects.toThrow(/is append-only/);

      // How a test simulates tampering: the owner disables triggers for one transaction.
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      const tampered = await client.query(`UPDATE "AuditEvent" SET action = 'b' WHERE id = 'e1'`);
      await client.query("COMMIT");
      expect(tampered.rowCount).toBe(1);
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/AuditEvent is append-only/);
    });
  });
});
