import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

// This file's own Prisma client: one connection, short limits. Set before lib/db/client loads.
process.env.VETTA_DB_POOL_SIZE = "1";
process.env.VETTA_DB_CONNECT_TIMEOUT_MS = "2000";
process.env.VETTA_DB_STATEMENT_TIMEOUT_MS = "1500";
process.env.VETTA_DB_TRANSACTION_MAX_WAIT_MS = "2000";
process.env.VETTA_DB_TRANSACTION_TIMEOUT_MS = "3000";

const { prisma, databasePoolStats } = await import("./prisma-client");
const { isDatabaseUnavailable, databaseRecentlyUnavailable } = await import("@/lib/errors/database-unavailable");
const { databaseUnavailable } = await import("@/lib/http/route");
const { createTestOrganization } = await import("@/lib/testing/fixtures");

let organizationId: string;
beforeAll(async () => {
  organizationId = (await createTestOrganization("Limits")).organizationId;
});

/** Holds the pool's only connection in a transaction until `release` is called. */
function holdTheOnlyConnection() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const isHeld = new Promise<void>((r) => (held = r));
  const done = prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1`;
    held();
    await released;
  });
  return { isHeld, release: () => (release(), done) };
}

describe("database time limits", () => {
  it("a full pool: 40 requests at once each fail within seconds as 'database unavailable' (503 with Retry-After), none as a bug", async () => {
    const holder = holdTheOnlyConnection();
    await holder.isHeld;
    expect(databasePoolStats()).toMatchObject({ max: 1, inUse: 1 });
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => prisma.organization.findUnique({ where: { id: organizationId } })));
    const elapsed = Date.now() - started;
    await holder.release();
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    for (const o of outcomes) expect(isDatabaseUnavailable((o as PromiseRejectedResult).reason)).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
    expect(databaseRecentlyUnavailable()).toBe(true);
    const response = databaseUnavailable();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    // And the pool recovers once the connection is back.
    expect(await prisma.organization.count({ where: { id: organizationId } })).toBe(1);
  });

  it("a transaction that cannot get a connection in time is refused as unavailable", async () => {
    const holder = holdTheOnlyConnection();
    await holder.isHeld;
    const error = await prisma.$transaction(async (tx) => tx.organization.count()).catch((e: unknown) => e);
    await holder.release();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a row locked by someone else: the statement stops at the statement timeout, as unavailable, and writes nothing", async () => {
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT 1 FROM "Organization" WHERE "id" = $1 FOR UPDATE`, [organizationId]);
      const started = Date.now();
      const error = await prisma.organization.update({ where: { id: organizationId }, data: { name: "Changed while locked" } }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await other.query("ROLLBACK");
      await other.end();
    }
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).name).not.toBe("Changed while locked");
  });

  it("ordinary errors are not mistaken for an outage", async () => {
    const error = await prisma.organization.create({ data: { name: "x", slug: (await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).slug } }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
  });
});
