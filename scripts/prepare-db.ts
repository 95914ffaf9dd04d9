/**
 * Run by `npm start` before the server: applies pending migrations as the owner role
 * (DATABASE_MIGRATION_URL), grants the app role (DATABASE_URL) what it may do, then seeds the
 * demo organisation into an empty database, as the app role, and prints its sign-ins (also kept in .data/).
 */
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { masterKeyFromEnv } from "../lib/files/envelope-encryption";
import { migrateAndGrant } from "./lib/db-roles";
import { checkMasterKey, MasterKeyMismatchError } from "./lib/master-key-check";
import { markPhase, markProcessStart } from "./lib/startup-timing";

markProcessStart("prepare-db");
markPhase("prepare-db", "modules loaded");

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");

const { applied, leastPrivilege } = await migrateAndGrant(process.env.DATABASE_MIGRATION_URL ?? url, url);
markPhase("prepare-db", "migrations checked");
if (applied.length > 0) console.log(`[vetta] applied ${applied.length} migration(s): ${applied.join(", ")}`);
if (!leastPrivilege) {
  console.warn("[vetta] warning: the app connects as the role that owns the tables, so it could switch off the audit trail's triggers. Set DATABASE_MIGRATION_URL to the owner role and DATABASE_URL to a least-privilege role (README: Database roles).");
}

const dataDirForMessages = path.resolve(process.env.VETTA_DATA_DIR ?? ".data");
// Without a key (a bare `prepare-db` before `npm start` loads the secrets) nothing can be sealed yet.
if (process.env.VETTA_FILE_MASTER_KEY) try {
  const found = await checkMasterKey(url, masterKeyFromEnv(), dataDirForMessages);
  if (found === "recorded") console.log("[vetta] recorded the master key's check value: a start with another key will be refused");
} catch (error) {
  console.error(`[vetta] ${error instanceof MasterKeyMismatchError ? error.message : `master key check failed: ${error instanceof Error ? error.message : String(error)}`}`);
  process.exit(1);
}

/** One indexed probe; the seed (and the whole data layer it imports) loads only for an empty database. */
async function hasOrganization(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Organization") AS found`)).rows[0]!.found;
  } finally {
    await client.end();
  }
}

markPhase("prepare-db", "master key checked");
const seed = (await hasOrganization(url)) ? null : await import("../prisma/seed");
const password = seed ? await seed.seedIfEmpty() : null;
if (seed && password) {
  const { DEMO_USERS } = seed;
  const lines = [
    "Demo organisation: Northbridge IT (demo). Sign in with:",
    ...DEMO_USERS.map((u) => `  ${u.role.padEnd(18)} ${u.email.padEnd(34)} ${password}`),
  ];
  console.log(`[vetta] first run: seeded the demo organisation.\n${lines.join("\n")}`);
  const dataDir = path.resolve(process.env.VETTA_DATA_DIR ?? ".data");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dataDir, "demo-sign-ins.txt"), `${lines.join("\n")}\n`, { mode: 0o600 });
}
markPhase("prepare-db", "seed checked");
process.exit(0);
