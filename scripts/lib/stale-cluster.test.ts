import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { clearStaleCluster, StaleClusterError } from "./stale-cluster";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("clearing a stale cluster before start", () => {
  it("a PostgreSQL still serving the directory (an orphan of a killed start) is shut down, and the cluster starts again", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vetta-stale-"));
    try {
      await startEmbeddedPostgres({ dataDir: dir });
      const clusterDir = path.join(dir, "pg");
      const pid = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
      expect(alive(pid)).toBe(true);
      // As after kill -9 of npm start: nobody will call stop(); the next start finds it running.
      expect(await clearStaleCluster(clusterDir)).toBe("stopped-orphan");
      expect(alive(pid)).toBe(false);
      const again = await startEmbeddedPostgres({ dataDir: dir });
      await again.stop();
      expect(await clearStaleCluster(clusterDir)).toBe("none");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a pid file naming a dead process is left to PostgreSQL; one naming another live program is refused with what to do", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vetta-stale-"));
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "postmaster.pid"), "999999999\n/somewhere\n");
      expect(await clearStaleCluster(dir)).toBe("stale-pid-file");
      await writeFile(path.join(dir, "postmaster.pid"), `${process.pid}\n${dir}\n`);
      const refused = clearStaleCluster(dir);
      await expect(refused).rejects.toBeInstanceOf(StaleClusterError);
      await expect(refused).rejects.toThrow(/is not a PostgreSQL for this directory.*delete .*postmaster\.pid and start again/s);
      expect(alive(process.pid)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
