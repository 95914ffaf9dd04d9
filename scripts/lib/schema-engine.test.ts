/**
 * The wasm schema engine glue on a real PostgreSQL, with small throwaway migration folders.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { catalogSnapshot, snapshotDifferences } from "./catalog-snapshot";
import { applyMigrations, diffSchemas, markMigrationRolledBack } from "./schema-engine";
import { createTestDatabase, type TestDatabase } from "./test-database";

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const databases: TestDatabase[] = [];
const dirs: string[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase("engine");
  databases.push(db);
  return db;
}

/** A migrations folder holding the given migration.sql scripts, by folder name. */
function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "vetta-migrations-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
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

describe("diffSchemas (no database needed)", () => {
  const v1 = `${DATASOURCE}model Thing {\n  id Int @id\n}\n`;
  const v2 = `${DATASOURCE}model Thing {\n  id Int @id\n  name String @db.VarChar(80)\n}\n`;

  it("writes the whole schema from nothing, the change between two texts, and nothing for no change", async () => {
    expect(await diffSchemas(null, v1)).toMatch(/CREATE TABLE "Thing"/);
    expect(await diffSchemas(v1, v2)).toMatch(/ALTER TABLE "Thing" ADD COLUMN\s+"name" VARCHAR\(80\) NOT NULL/);
    expect(await diffSchemas(v2, v2)).toBe("");
  });

  it("reports an invalid schema", async () => {
    await expect(diffSchemas(null, `${DATASOURCE}model Broken {\n  id Nope @id\n}\n`)).rejects.toThrow(/Nope/);
  });
});

describe("applyMigrations", () => {
  it("names a failed migration and PostgreSQL's error, applies none of it, and runs it again once resolved", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({
      "20260101000000_first": `CREATE TABLE "A" (id int PRIMARY KEY);`,
      "20260102000000_broken": `CREATE TABLE "B" (id int);\nALTER TABLE "B" ADD COLUMN x no_such_type;\n`,
    });
    const failure = applyMigrations(db.url, dir);
    await expect(failure).rejects.toThrow(/Migration 20260102000000_broken failed/);
    await expect(failure).rejects.toThrow(/type "no_such_type" does not exist \(SQLSTATE 42704\)/);
    await expect(failure).rejects.toThrow(/broken\/migration\.sql line 2: ALTER TABLE "B" ADD COLUMN x no_such_type;/);
    expect(await query(db.url, `SELECT to_regclass('"A"') AS a, to_regclass('"B"') AS b`)).toEqual([{ a: "\"A\"", b: null }]);

    // A failed migration blocks later deploys until it is fixed and marked rolled back.
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/20260102000000_broken/);
    writeFileSync(path.join(dir, "20260102000000_broken", "migration.sql"), `CREATE TABLE "B" (id int);\n`);
    await markMigrationRolledBack(db.url, "20260102000000_broken");
    expect(await applyMigrations(db.url, dir)).toEqual({ applied: ["20260102000000_broken"] });
  });

  it("runs a script whole, so function bodies may hold semicolons", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({
      "20260101000000_function": `CREATE FUNCTION "two"() RETURNS int AS $$\nBEGIN\n  RETURN 1 + 1;\nEND;\n$$ LANGUAGE plpgsql;\n`,
    });
    await applyMigrations(db.url, dir);
    expect(await query(db.url, `SELECT "two"() AS n`)).toEqual([{ n: 2 }]);
  });

  it("lets one of several simultaneous callers apply the migrations, once", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({ "20260101000000_once": `CREATE TABLE "Once" (id int PRIMARY KEY);` });
    const runs = await Promise.all([1, 2, 3].map(() => applyMigrations(db.url, dir)));
    expect(runs.flatMap((r) => r.applied)).toEqual(["20260101000000_once"]);
    expect(await query(db.url, `SELECT count(*)::int AS n FROM _prisma_migrations`)).toEqual([{ n: 1 }]);
  });
});

describe("catalogSnapshot", () => {
  it("tells apart databases that differ only in a column's length", async () => {
    const [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
    await query(a.url, `CREATE TABLE "T" (id int PRIMARY KEY, name varchar(10))`);
    await query(b.url, `CREATE TABLE "T" (id int PRIMARY KEY, name varchar(20))`);
    const differences = snapshotDifferences(await catalogSnapshot(a.url), await catalogSnapshot(b.url), ["a", "b"]);
    expect(differences).toEqual(['columns: only in a: T.name character varying(10) null', 'columns: only in b: T.name character varying(20) null']);
  });
});
