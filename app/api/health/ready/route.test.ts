import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { beatWorker } from "@/lib/db/ops-status";
import { GET as live } from "../live/route";
import { GET } from "./route";

// The storage probe writes and deletes a small object: in a throwaway directory, not .data/.
process.env.VETTA_DATA_DIR = mkdtempSync(path.join(tmpdir(), "vetta-ready-"));

/** Test setup through a plain connection: pages and routes never touch Prisma directly. */
async function sql(text: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

describe("GET /api/health/live and /api/health/ready", () => {
  it("live answers 200 from the process alone", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("ready: 503 naming the worker while no worker has beaten for a minute, 200 once one beats", async () => {
    await sql(`DELETE FROM "WorkerHeartbeat"`);
    let response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ status: "not ready", database: "up", storage: "up", worker: "down" });

    await beatWorker(`test-${process.pid}`);
    response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ready", database: "up", storage: "up", worker: "up", workerSecondsSinceBeat: 0 });

    await sql(`UPDATE "WorkerHeartbeat" SET "seenAt" = now() - interval '5 minutes'`);
    expect((await GET()).status).toBe(503);
  });
});
