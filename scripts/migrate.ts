/**
 * `npm run db:migrate`               apply pending migrations (npm start does this itself)
 * `npm run db:migrate:create -- NAME` write a migration for the changes made to schema.prisma
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { withAppDatabase } from "./lib/app-database";
import { lastMigrationSchema, writeMigration } from "./lib/migrations-dir";
import { applyMigrations, diffSchemas } from "./lib/schema-engine";

const MIGRATIONS = "prisma/migrations";
const [command = "deploy", name] = process.argv.slice(2);

async function create(databaseUrl: string) {
  if (!name) throw new Error("Name the migration: npm run db:migrate:create -- add_something");
  const current = readFileSync("prisma/schema.prisma", "utf8");
  const last = lastMigrationSchema(MIGRATIONS);
  const sql = await diffSchemas(databaseUrl, last?.schema ?? null, current);
  if (!sql.trim()) {
    console.log(`No changes: prisma/schema.prisma matches ${last ? `the schema of ${last.name}` : "an empty database"}.`);
    return;
  }
  const dir = writeMigration(MIGRATIONS, name, `-- Made by scripts/migrate.ts from the schema diff.\n${sql}`, current);
  console.log(`Wrote ${path.join(dir, "migration.sql")}. Review it, then run npm run db:migrate.`);
}

async function main() {
  await withAppDatabase(async (url) => {
    if (command === "deploy") {
      const { applied } = await applyMigrations(url, MIGRATIONS);
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The database is up to date.");
    } else if (command === "create") {
      await create(url);
    } else {
      throw new Error(`Unknown command "${command}": use deploy or create NAME`);
    }
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
