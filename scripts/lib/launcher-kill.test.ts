/**
 * kill -9 of the launcher: `npm start` is npm → sh → tsx → Vetta (server) → worker, PostgreSQL and
 * its watcher. Killing npm, or the tsx in front of Vetta, with -9 used to leave everything below it
 * running (and the next start failed on the cluster they held). Here the real launcher runs the
 * production build in a temporary data directory; after each kill -9 every process it started must
 * be gone within seconds, and the next start on the same data must come up.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { alive, cleanEnv, descendants, startApp, stopApp, type RunningApp } from "./app-under-test";

let dir = "";
let running: RunningApp | null = null;

afterAll(async () => {
  if (running) await stopApp(running);
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
}

/** kill -9 the launcher; returns how long until every process under it (and PostgreSQL) was gone. */
async function killLauncher(app: RunningApp, dataDir: string): Promise<number> {
  const launcher = app.child.pid!;
  const postmaster = await postmasterPid(dataDir);
  const tree = descendants(launcher);
  // The server, the worker, PostgreSQL (postmaster and backends) and the watcher are all under it.
  expect(tree).toContain(postmaster);
  expect(tree.length).toBeGreaterThanOrEqual(5);
  const killedAt = Date.now();
  process.kill(launcher, "SIGKILL");
  try {
    await expect.poll(() => tree.filter(alive), { timeout: 30_000, interval: 200 }).toEqual([]);
    return Date.now() - killedAt;
  } finally {
    // Whatever survived a failed check must not outlive the test.
    for (const pid of tree.filter(alive)) process.kill(pid, "SIGKILL");
  }
}

describe("kill -9 of the launcher", () => {
  it("npm start killed with -9: server, worker and PostgreSQL stop within seconds; the next start succeeds; so with tsx's launcher", { timeout: 420_000 }, async () => {
    dir = await mkdtemp(path.join(tmpdir(), "vetta-launcher-"));
    const env = cleanEnv({ VETTA_DATA_DIR: dir, VETTA_DEMO_PASSWORD: "launcher-test-password-1" });

    running = await startApp({ via: "npm", env });
    const afterNpm = await killLauncher(running, dir);
    running = null;
    expect(afterNpm).toBeLessThan(15_000);

    // The next start on the same data comes up (nothing left holding the cluster or the port).
    running = await startApp({ via: "tsx", env });
    const page = await fetch(`${running.url}/sign-in`);
    expect(page.status).toBe(200);
    const afterTsx = await killLauncher(running, dir);
    running = null;
    expect(afterTsx).toBeLessThan(15_000);

    // And again, stopped cleanly this time: PostgreSQL was shut down, not left to crash recovery.
    running = await startApp({ via: "tsx", env });
    const log = running.output();
    expect(log).not.toMatch(/stopped a PostgreSQL left running/);
    await stopApp(running);
    running = null;
  });
});
