import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

describe("the embedded PostgreSQL dies with its parent", () => {
  it("kill -9 of the process that started it: PostgreSQL is shut down within seconds, not left as an orphan", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vetta-orphan-"));
    try {
      // One process (no tsx launcher in between), so SIGKILL hits the process that armed the watcher.
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/lib/stop-with-parent-fixture.ts", dir], { stdio: ["ignore", "pipe", "inherit"] });
      const postmaster = await new Promise<number>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          if (out.includes("\n")) resolve(Number(out.trim()));
        });
        child.on("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
      });
      expect(alive(postmaster)).toBe(true);
      child.kill("SIGKILL");
      await expect.poll(() => alive(postmaster), { timeout: 20_000, interval: 250 }).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
