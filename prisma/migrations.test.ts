import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogSnapshot, snapshotDifferences } from "../scripts/lib/catalog-snapshot";
import { lastMigrationSchema } from "../scripts/lib/migrations-dir";
import { applyMigrations, diffSchemas } from "../scripts/lib/schema-engine";
import { createTestDatabase } from "../scripts/lib/test-database";

const schema = readFileSync("prisma/schema.prisma", "utf8");
let fromMigrations: Awaited<ReturnType<typeof createTestDatabase>>;
let fromSchema: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  [fromMigrations, fromSchema] = await Promise.all([createTestDatabase("drift_m"), createTestDatabase("drift_s")]);
});
afterAll(async () => {
  await Promise.all([fromMigrations?.drop(), fromSchema?.drop()]);
});

describe("migrations", () => {
  it("were made from the current schema.prisma (no change without a migration)", async () => {
    const last = lastMigrationSchema("prisma/migrations");
    expect(last, "no migrations yet").not.toBeNull();
    const pending = await diffSchemas(fromSchema.url, last!.schema, schema);
    expect(pending, `prisma/schema.prisma changed since ${last!.name}: run npm run db:migrate:create -- NAME`).toBe("");
  });

  it("build the same database as the schema itself (no drift)", async () => {
    await applyMigrations(fromMigrations.url);
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(await diffSchemas(fromSchema.url, null, schema));
    await client.end();
    const differences = snapshotDifferences(await catalogSnapshot(fromMigrations.url), await catalogSnapshot(fromSchema.url), ["migrations", "schema.prisma"]);
    expect(differences, differences.join("\n")).toEqual([]);
  });

  it("apply idempotently and record each migration once", async () => {
    const again = await applyMigrations(fromMigrations.url);
    expect(again.applied).toEqual([]);
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(`SELECT migration_name, finished_at FROM _prisma_migrations`);
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
  });

  it("make the audit table append-only", async () => {
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "Organization" (id, name, slug) VALUES ('o1', 'O', 'o')`);
      await client.query(
        `INSERT INTO "AuditEvent" (id, "organizationId", seq, "actorLabel", action, "entityType", summary, "prevHash", hash) VALUES ('e1', 'o1', 1, 'x', 'a', 'T', '{}', 'p', 'h')`,
      );
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'b'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
