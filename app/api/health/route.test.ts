import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  // The first call also opens the pool's first connection, which a loaded machine may take longer
  // than the check's 2 s deadline to do: that is what a cold start looks like, not "the database is down".
  beforeAll(async () => {
    await GET();
  });

  it("answers 200 with the database up", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database is unreachable", () => {
    const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/lib/call-health-route.ts"], {
      // Port 1 on loopback: nothing listens there, so the connection is refused at once.
      env: { ...process.env, DATABASE_URL: "postgresql://vetta:vetta@127.0.0.1:1/vetta" },
      encoding: "utf8",
      timeout: 30_000,
    });
    const [status, body] = [output.slice(0, 3), JSON.parse(output.slice(4))];
    expect(status).toBe("503");
    expect(body).toMatchObject({ status: "degraded", database: "down" });
  });
});
