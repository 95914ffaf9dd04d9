/**
 * The start-up check that decides whether the schema engine must run, on a real PostgreSQL whose
 * `_prisma_migrations` was written by the engine itself (so the check reads what it really writes).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { migrationState, needsEngine } from "./pending-migrations";
import { applyMigrations, markMigrationRolledBack } from "./schema-engine";
import { createTestDatabase, type TestDatabase } from "./test-database";

const databases: TestDatabase[] = [];
const dirs: string[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase("pending");
  databases.push(db);
  return db;
}

function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "vetta-pending-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) addMigration(dir, name, sql);
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function engineRowCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

describe("migrationState", () => {
  it("on a new database (no _prisma_migrations yet) finds every folder pending", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({ "20260101000000_a": `CREATE TABLE "A" (id int);`, "20260102000000_b": `CREATE TABLE "B" (id int);` });
    const state = await migrationState(db.url, dir);
    expect(state).toEqual({ pending: ["20260101000000_a", "20260102000000_b"], failed: [] });
    expect(needsEngine(state)).toBe(true);
  });

  it("finds none pending once the engine applied them all, then exactly the one folder added since", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({ "20260101000000_a": `CREATE TABLE "A" (id int);`, "20260102000000_b": `CREATE TABLE "B" (id int);` });
    expect(await applyMigrations(db.url, dir)).toEqual({ applied: ["20260101000000_a", "20260102000000_b"] });
    const upToDate = await migrationState(db.url, dir);
    expect(upToDate).toEqual({ pending: [], failed: [] });
    expect(needsEngine(upToDate)).toBe(false);
    // Up to date: applyMigrations answers from the check and the engine writes no row.
    expect(await applyMigrations(db.url, dir)).toEqual({ applied: [] });
    expect(await engineRowCount(db.url)).toBe(2);

    addMigration(dir, "20260103000000_c", `CREATE TABLE "C" (id int);`);
    const onePending = await migrationState(db.url, dir);
    expect(onePending).toEqual({ pending: ["20260103000000_c"], failed: [] });
    expect(needsEngine(onePending)).toBe(true);
    expect(await applyMigrations(db.url, dir)).toEqual({ applied: ["20260103000000_c"] });
    expect(await migrationState(db.url, dir)).toEqual({ pending: [], failed: [] });
  });

  it("reports a failed migration (so the engine runs and refuses), and pending again once marked rolled back", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({ "20260101000000_a": `CREATE TABLE "A" (id int);`, "20260102000000_broken": `CREATE TABLE "B" (id no_such_type);` });
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/20260102000000_broken failed/);
    const failed = await migrationState(db.url, dir);
    expect(failed).toEqual({ pending: ["20260102000000_broken"], failed: ["20260102000000_broken"] });
    expect(needsEngine(failed)).toBe(true);
    // The check must not let a start past a failed migration: the engine still refuses.
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/20260102000000_broken/);

    writeFileSync(path.join(dir, "20260102000000_broken", "migration.sql"), `CREATE TABLE "B" (id int);`);
    await markMigrationRolledBack(db.url, "20260102000000_broken");
    expect(await migrationState(db.url, dir)).toEqual({ pending: ["20260102000000_broken"], failed: [] });
    expect(await applyMigrations(db.url, dir)).toEqual({ applied: ["20260102000000_broken"] });
    expect(await migrationState(db.url, dir)).toEqual({ pending: [], failed: [] });
  });
});
