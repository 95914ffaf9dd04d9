/**
 * `npm run db:migrate`                apply pending migrations (npm start does this itself)
 * `npm run db:migrate:create -- NAME` write a migration for the changes made to schema.prisma
 * `npm run db:migrate:create -- --empty NAME`
 *                                     an empty migration.sql to write by hand (triggers, grants,
 *                                     data fixes); the schema snapshot moves along unchanged
 * `npx tsx scripts/migrate.ts resolve NAME`
 *                                     mark a failed migration rolled back, once fixed, so that
 *                                     the next deploy runs it again
 *
 * deploy and resolve work on DATABASE_MIGRATION_URL (the owner role; DATABASE_URL when unset), or
 * else on the app's embedded PostgreSQL (.data/), as its owner role.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { withAppDatabase } from "./lib/app-database";
import { lastMigrationSchema, migrationNames, writeMigration } from "./lib/migrations-dir";
import { migrateAndGrant } from "./lib/db-roles";
import { DEFAULT_MIGRATIONS_DIR, diffSchemas, markMigrationRolledBack } from "./lib/schema-engine";

const SCHEMA = "prisma/schema.prisma";
const USAGE = "Use: migrate.ts deploy | create NAME | resolve MIGRATION_DIR_NAME";

/** Diffs schema texts only, so it needs no database. */
async function create(args: string[]) {
  const empty = args.includes("--empty");
  const name = args.find((a) => !a.startsWith("--"));
  if (!name) throw new Error("Name the migration: npm run db:migrate:create -- add_something (or -- --empty add_something)");
  const current = readFileSync(SCHEMA, "utf8");
  const last = lastMigrationSchema(DEFAULT_MIGRATIONS_DIR);
  if (empty) {
    // The snapshot stays what the last migration was made from: pending schema changes still
    // need their own (diffed) migration.
    const dir = writeMigration(DEFAULT_MIGRATIONS_DIR, name, "-- Written by hand: say why in a comment.\n", last?.schema ?? "");
    console.log(`Wrote an empty ${path.join(dir, "migration.sql")}. Fill it in, then run npm run db:migrate.`);
    return;
  }
  const sql = await diffSchemas(last?.schema ?? null, current);
  if (!sql.trim()) {
    console.log(`No changes: ${SCHEMA} matches ${last ? `the schema of ${last.name}` : "an empty database"}. Nothing written.`);
    return;
  }
  const dir = writeMigration(DEFAULT_MIGRATIONS_DIR, name, `-- Made by scripts/migrate.ts from the schema diff.\n${sql}`, current);
  console.log(`Wrote ${path.join(dir, "migration.sql")}. Review it, then run npm run db:migrate.`);
}

async function deploy() {
  // As the owner role; then the app role's grants (scripts/lib/db-roles.ts).
  await withAppDatabase(async ({ app, owner }) => {
    const { applied } = await migrateAndGrant(owner, app);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The database is up to date.");
  });
}

async function resolve(migration: string | undefined) {
  if (!migration || !migrationNames(DEFAULT_MIGRATIONS_DIR).includes(migration)) {
    throw new Error(`Name a migration folder in ${DEFAULT_MIGRATIONS_DIR}: npx tsx scripts/migrate.ts resolve 20260101000000_name`);
  }
  await withAppDatabase(({ owner }) => markMigrationRolledBack(owner, migration));
  console.log(`Marked ${migration} rolled back; the next deploy applies it again.`);
}

async function main() {
  const [command = "deploy", arg] = process.argv.slice(2);
  if (command === "deploy") await deploy();
  else if (command === "create") await create(process.argv.slice(3));
  else if (command === "resolve") await resolve(arg);
  else throw new Error(`Unknown command "${command}". ${USAGE}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
