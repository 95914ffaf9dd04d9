import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { superviseEmbeddedPostgres } from "./supervise-postgres";

async function answer(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT 41 + 1 AS n");
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

const fast = (attempt: number) => 200 * attempt;

describe("supervising the embedded PostgreSQL", () => {
  it("SIGKILL of the postmaster: it comes back on the same port and data, and answers a query; our own stop is not restarted", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vetta-supervise-"));
    const logs: string[] = [];
    try {
      const db = await startEmbeddedPostgres({ dataDir: dir, databases: ["vetta"] });
      await answer(db.ownerUrl("vetta"));
      const gaveUp: string[] = [];
      const restarted = new Promise<number | undefined>((resolve) => {
        superviseEmbeddedPostgres(db, { backoffMs: fast, log: (m) => logs.push(m), onRestarted: resolve, onGiveUp: (r) => gaveUp.push(r) });
      });
      const first = db.pid();
      expect(first).toBeGreaterThan(0);
      process.kill(first!, "SIGKILL");

      const second = await restarted;
      expect(second).toBeGreaterThan(0);
      expect(second).not.toBe(first);
      expect(await answer(db.ownerUrl("vetta"))).toBe(42);
      expect(gaveUp).toEqual([]);
      expect(logs[0]).toMatch(/stopped unexpectedly \(SIGKILL\)/);
      expect(logs.at(-1)).toMatch(/restarted on port \d+/);

      const before = logs.length;
      await db.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(logs.length).toBe(before);
      await expect(answer(db.ownerUrl("vetta"))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("when it cannot come back (its port taken meanwhile), it gives up after the bounded attempts and says why", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vetta-supervise-"));
    let squatter: Server | null = null;
    try {
      const db = await startEmbeddedPostgres({ dataDir: dir });
      const logs: string[] = [];
      const gaveUp = new Promise<string>((resolve) => {
        superviseEmbeddedPostgres(db, { maxRestarts: 2, backoffMs: () => 1_000, log: (m) => logs.push(m), onGiveUp: resolve });
      });
      const pid = db.pid()!;
      const dead = new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          try {
            process.kill(pid, 0);
          } catch {
            clearInterval(timer);
            resolve();
          }
        }, 20);
      });
      process.kill(pid, "SIGKILL");
      await dead;
      squatter = createServer();
      await new Promise<void>((resolve, reject) => {
        squatter!.once("error", reject);
        squatter!.listen(db.port, "127.0.0.1", resolve);
      });

      const reason = await gaveUp;
      expect(reason).toMatch(/2 restart attempts/);
      expect(logs.filter((m) => m.includes("restarting the embedded PostgreSQL failed"))).toHaveLength(2);
      // Stopping a cluster that is already dead returns at once instead of waiting forever.
      await db.stop();
    } finally {
      squatter?.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
