import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lastMigrationSchema, migrationNames, readMigrationList, writeMigration } from "./migrations-dir";

const dirs: string[] = [];
function emptyDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "vetta-migrations-dir-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("writeMigration", () => {
  it("writes the SQL, the one schema snapshot (beside the folders, not in each) and Prisma's lockfile", () => {
    const dir = emptyDir();
    const folder = writeMigration(dir, "Add Things!", "CREATE TABLE t ();", "schema v1", new Date("2026-03-04T05:06:07Z"));
    expect(path.basename(folder)).toBe("20260304050607_add_things");
    expect(readFileSync(path.join(folder, "migration.sql"), "utf8")).toBe("CREATE TABLE t ();");
    expect(lastMigrationSchema(dir)).toEqual({ name: "20260304050607_add_things", schema: "schema v1" });
    expect(readFileSync(path.join(dir, "schema-snapshot.prisma"), "utf8")).toBe("schema v1");
    expect(existsSync(path.join(folder, "schema.prisma"))).toBe(false);
    expect(readFileSync(path.join(dir, "migration_lock.toml"), "utf8")).toMatch(/^provider = "postgresql"$/m);
  });

  it("sorts a migration made in the same second, or on a clock behind, after the last one", () => {
    const dir = emptyDir();
    const at = new Date("2026-03-04T05:06:59Z");
    writeMigration(dir, "first", "", "v1", at);
    writeMigration(dir, "second", "", "v2", at);
    writeMigration(dir, "third", "", "v3", new Date("2020-01-01T00:00:00Z"));
    expect(migrationNames(dir)).toEqual(["20260304050659_first", "20260304050700_second", "20260304050701_third"]);
    expect(lastMigrationSchema(dir)?.schema).toBe("v3");
  });
});

describe("readMigrationList", () => {
  it("hands the engine each migration.sql in order, with the lockfile", () => {
    const dir = emptyDir();
    writeMigration(dir, "b", "SELECT 2;", "", new Date("2026-01-02T00:00:00Z"));
    writeMigration(dir, "a", "SELECT 1;", "", new Date("2026-01-01T00:00:00Z"));
    const list = readMigrationList(dir);
    expect(list.lockfile.content).toMatch(/postgresql/);
    expect(list.migrationDirectories.map((m) => [m.path, m.migrationFile.content])).toEqual([
      ["20260102000000_b", { tag: "ok", value: "SELECT 2;" }],
      ["20260102000001_a", { tag: "ok", value: "SELECT 1;" }],
    ]);
  });
});
