/**
 * The database the app uses, for command-line tools (migrate, audit:verify): DATABASE_URL when
 * set; else the embedded cluster in .data/, reusing it when `npm start` is already running it
 * (postmaster.pid names its port), or starting it for the duration of the command.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

export async function withAppDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);
  const dataDir = path.resolve(process.env.VETTA_DATA_DIR ?? ".data");
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const credentials = path.join(dataDir, "pg.json");
  if (existsSync(pidFile) && existsSync(credentials)) {
    const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
    if (isAlive(Number(pid))) {
      const { password } = JSON.parse(readFileSync(credentials, "utf8")) as { password: string };
      return run(`postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(port)}/vetta`);
    }
  }
  const db = await startEmbeddedPostgres({ dataDir, databases: ["vetta"] });
  try {
    return await run(db.url("vetta"));
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
