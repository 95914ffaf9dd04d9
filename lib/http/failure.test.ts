import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createLogger } from "@/lib/log/create-logger";
import { logger } from "@/lib/log/logger";
import { describeFailure, toFailure } from "./failure";
import { failureResponse } from "./route";

// failure.ts maps unique violations through lib/db, which builds (never connects) a Prisma client.
vi.hoisted(() => vi.stubEnv("DATABASE_URL", "postgresql://unit@127.0.0.1:1/none"));

/** Real pino lines, written where the test can read them back. */
function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const real = createLogger("info", sink);
  vi.spyOn(logger, "error").mockImplementation(real.error.bind(real));
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("the unexpected-error path", () => {
  it("logs the error under the request's id and shows the user that id", async () => {
    const lines = captureLog();
    const failure = describeFailure(new Error("disk on fire"), "req-0123456789");
    expect(failure).toMatchObject({ status: 500, requestId: "req-0123456789", message: "Something went wrong on our side. Reference: req-0123456789" });
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toMatchObject({ level: 50, requestId: "req-0123456789", err: { message: "disk on fire" } });
  });

  it("outside a request (no id given) uses a fresh id, and the log line carries the same one", async () => {
    const lines = captureLog();
    const result = await toFailure(new Error("boom"));
    expect(result.ok).toBe(false);
    const id = (result as { requestId?: string }).requestId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result).toMatchObject({ error: `Something went wrong on our side. Reference: ${id}` });
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toMatchObject({ requestId: id, err: { message: "boom" } });
  });

  it("a route's 500 returns the id it logged", async () => {
    const lines = captureLog();
    const response = failureResponse(new TypeError("bad"), "route-req-42abc");
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ requestId: "route-req-42abc" });
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toMatchObject({ requestId: "route-req-42abc" });
  });

  it("expected errors are not logged as failures and carry no id", () => {
    const lines = captureLog();
    expect(describeFailure(new AppError("VALIDATION", "name: required"), "req-0123456789").requestId).toBeUndefined();
    expect(lines).toHaveLength(0);
  });
});
