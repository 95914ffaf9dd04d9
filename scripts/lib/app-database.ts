/**
 * The database the app uses, for command-line tools (migrate, audit:verify), as two URLs: `app`
 * (the least-privilege role the app runs as) and `owner` (the role that owns the tables and runs
 * migrations; scripts/lib/db-roles.ts). With DATABASE_URL set they are DATABASE_URL and
 * DATABASE_MIGRATION_URL (DATABASE_URL again when that is unset). Else the embedded cluster in
 * .data/, reusing it when `npm start` is already running it (postmaster.pid names its port), or
 * starting it for the duration of the command.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { APP_ROLE, OWNER_ROLE, urlAs } from "./db-roles";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface AppDatabaseUrls {
  app: string;
  owner: string;
}

export async function withAppDatabase<T>(run: (urls: AppDatabaseUrls) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run({ app: process.env.DATABASE_URL, owner: process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL });
  const dataDir = path.resolve(process.env.VETTA_DATA_DIR ?? ".data");
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const credentials = path.join(dataDir, "pg.json");
  if (existsSync(pidFile) && existsSync(credentials)) {
    const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
    const stored = JSON.parse(readFileSync(credentials, "utf8")) as { password: string; ownerPassword?: string; appPassword?: string };
    if (isAlive(Number(pid)) && stored.ownerPassword && stored.appPassword) {
      const base = `postgresql://postgres@127.0.0.1:${Number(port)}/vetta`;
      return run({ app: urlAs(base, APP_ROLE, stored.appPassword), owner: urlAs(base, OWNER_ROLE, stored.ownerPassword) });
    }
  }
  const db = await startEmbeddedPostgres({ dataDir, databases: ["vetta"] });
  try {
    return await run({ app: db.appUrl("vetta"), owner: db.ownerUrl("vetta") });
  } finally {
    await db.stop();
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
