import { createHash } from "node:crypto";
import { appendFile } from "node:fs/promises";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { canonicalJson, GENESIS_HASH, hashEvent } from "@/lib/domain/audit-chain";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { auditSealingLag, sealOrganization, verifyAuditChains, withAudit } from "./audit";
import { prisma } from "./prisma-client";

/** Superuser on the test database: plays a database administrator with every right. */
function superuserUrl(): string {
  const url = new URL(inject("adminUrl"));
  url.pathname = new URL(inject("databaseUrl")).pathname;
  return url.toString();
}

async function asClient<T>(connectionString: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Tampering as an attacker with DBA rights does it: triggers (and foreign keys) off for one transaction. */
async function tamper(sql: string, params: unknown[] = []) {
  await asClient(superuserUrl(), async (client) => {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql, params);
    await client.query("COMMIT");
  });
}

function createVendors(org: TestOrganization, n: number, prefix: string) {
  return Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      withAudit(
        org.as.ADMIN,
        (tx) => tx.vendor.create({ data: { organizationId: org.organizationId, name: `${prefix} ${i}` } }),
        (vendor) => ({ action: "vendor.create", entityType: "Vendor", entityId: vendor.id, summary: { after: { name: vendor.name } } }),
      ),
    ),
  );
}

async function report(org: TestOrganization) {
  const { organizations } = await verifyAuditChains({ organizationId: org.organizationId });
  return organizations[0]!;
}

describe("the app's database role", () => {
  it("is neither superuser nor owner, and cannot change, remove or unprotect audit rows", async () => {
    const [role] = await prisma.$queryRaw<Array<{ superuser: boolean; owner: string }>>`
      SELECT r.rolsuper AS superuser, pg_get_userbyid(c.relowner) AS owner FROM pg_roles r, pg_class c
      WHERE r.rolname = current_user AND c.oid = '"AuditEvent"'::regclass`;
    expect(role).toEqual({ superuser: false, owner: "vetta_owner" });
    await asClient(inject("databaseUrl"), async (client) => {
      for (const table of ["AuditEvent", "AuditSeal"]) {
        await expect(client.query(`UPDATE "${table}" SET "organizationId" = "organizationId"`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`TRUNCATE "${table}"`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
        await expect(client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_no_update_or_delete"`)).rejects.toThrow(/must be owner/);
        await expect(client.query(`DROP TABLE "${table}"`)).rejects.toThrow(/must be owner/);
      }
      await expect(client.query("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
      await expect(client.query("SET ROLE vetta_owner")).rejects.toThrow(/permission denied/);
    });
  });
});

describe("audited writes without an organisation-wide lock", () => {
  let org: TestOrganization;
  beforeAll(async () => {
    org = await createTestOrganization("Audit burst");
  });

  it("accepts 200 concurrent audited writes (sealing meanwhile), and the sealed chain is intact", async () => {
    let writing = true;
    const sealer = (async () => {
      while (writing) {
        await sealOrganization(org.organizationId);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const results = await createVendors(org, 200, "Burst");
    writing = false;
    await sealer;
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.map((r) => String((r as PromiseRejectedResult).reason)).slice(0, 3)).toEqual([]);

    await sealOrganization(org.organizationId);
    const r = await report(org);
    expect(r.broken).toBeNull();
    expect(r.pending).toBe(0);
    expect(r.sealed).toBe(r.events);
    expect(r.events).toBeGreaterThanOrEqual(200);
    expect(r.lastAnchor?.seq).toBe(r.sealed);
    // Every event sealed exactly once, at chain positions 1..n.
    const seals = await prisma.auditSeal.findMany({ where: { organizationId: org.organizationId }, select: { seq: true } });
    expect(seals.map((s) => s.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: r.events }, (_, i) => i + 1));
  });
});

describe("tampering by someone with database administrator rights is detected", () => {
  it("deleting the newest events (and their seals)", async () => {
    const org = await createTestOrganization("Audit delete");
    await createVendors(org, 5, "Keep");
    await sealOrganization(org.organizationId);
    const before = await report(org);
    expect(before.broken).toBeNull();

    const newest = await prisma.auditSeal.findMany({ where: { organizationId: org.organizationId }, orderBy: { seq: "desc" }, take: 2 });
    await tamper(`DELETE FROM "AuditSeal" WHERE "organizationId" = $1 AND "seq" >= $2`, [org.organizationId, newest[1]!.seq]);
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = ANY($1)`, [newest.map((s) => s.eventId)]);

    const after = await report(org);
    expect(after.broken?.reason).toMatch(/records the chain up to #\d+, but the database's chain ends at #\d+: sealed events were deleted/);
    // Even once new events are sealed on top, the rebuilt chain disagrees with the anchor.
    await createVendors(org, 3, "Later");
    await sealOrganization(org.organizationId);
    expect((await report(org)).broken?.reason).toMatch(/differs from the one anchored|sealed events were deleted/);
  });

  it("deleting one event row in the middle", async () => {
    const org = await createTestOrganization("Audit hole");
    await createVendors(org, 4, "Row");
    await sealOrganization(org.organizationId);
    const third = await prisma.auditSeal.findFirstOrThrow({ where: { organizationId: org.organizationId, seq: 3 } });
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [third.eventId]);
    expect((await report(org)).broken).toMatchObject({ seq: 3, eventId: third.eventId, reason: expect.stringContaining("missing") });
  });

  it("rewriting one event and recomputing a plain SHA-256 chain after it", async () => {
    const org = await createTestOrganization("Audit rewrite");
    await createVendors(org, 6, "Honest");
    await sealOrganization(org.organizationId);
    expect((await report(org)).broken).toBeNull();

    const seals = await prisma.auditSeal.findMany({ where: { organizationId: org.organizationId }, orderBy: { seq: "asc" }, include: { event: true } });
    const target = seals[3]!;
    await tamper(`UPDATE "AuditEvent" SET "summary" = '{"after":{"name":"Someone else"}}' WHERE "id" = $1`, [target.eventId]);
    // The attacker relinks every seal from the target on, as they would a SHA-256 chain: without the key.
    let prevMac = seals[2]!.mac;
    for (const seal of seals.slice(3)) {
      const event = seal.eventId === target.eventId ? { ...seal.event, summary: { after: { name: "Someone else" } } } : seal.event;
      const mac = createHash("sha256").update(prevMac).update("\n").update(String(seal.seq)).update("\n").update(canonicalJson({ ...event, txid: undefined })).digest("hex");
      await tamper(`UPDATE "AuditSeal" SET "prevMac" = $1, "mac" = $2 WHERE "eventId" = $3`, [prevMac, mac, seal.eventId]);
      prevMac = mac;
    }
    const broken = (await report(org)).broken;
    expect(broken).toMatchObject({ seq: target.seq, eventId: target.eventId, reason: expect.stringContaining("does not match its keyed seal") });
  });

  it("reordering two sealed events", async () => {
    const org = await createTestOrganization("Audit order");
    await createVendors(org, 4, "Order");
    await sealOrganization(org.organizationId);
    const [a, b] = await prisma.auditSeal.findMany({ where: { organizationId: org.organizationId, seq: { in: [2, 3] } }, orderBy: { seq: "asc" } });
    await tamper(`UPDATE "AuditSeal" SET "eventId" = 'swap' WHERE "eventId" = $1`, [a!.eventId]);
    await tamper(`UPDATE "AuditSeal" SET "eventId" = $1 WHERE "eventId" = $2`, [a!.eventId, b!.eventId]);
    await tamper(`UPDATE "AuditSeal" SET "eventId" = $1 WHERE "eventId" = 'swap'`, [b!.eventId]);
    expect((await report(org)).broken).toMatchObject({ seq: 2 });
  });

  it("a forged line in the anchor file", async () => {
    const org = await createTestOrganization("Audit anchor");
    await createVendors(org, 2, "Anchor");
    await sealOrganization(org.organizationId);
    await appendFile(process.env.VETTA_AUDIT_ANCHOR_FILE!, `{"at":"2026-01-01T00:00:00.000Z","mac":"00","organizationId":"${org.organizationId}","seq":1,"v":1} ${"0".repeat(64)}\n`);
    const { anchorFile } = await verifyAuditChains({ organizationId: org.organizationId });
    expect(anchorFile.invalid.at(-1)?.error).toMatch(/signature does not match/);
  });
});

describe("events written before the keyed chain (version 1, plain SHA-256)", () => {
  it("are sealed first, in their old order, keep their old hashes, and are protected from then on", async () => {
    const org = await createTestOrganization("Audit legacy");
    // What an older Vetta left: seq 1..n per organisation with a SHA-256 chain. (The fixture's own
    // events have sequence numbers far above these, as after the upgrade migration.)
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const event = { organizationId: org.organizationId, seq, actorId: null, actorLabel: "old", action: "legacy", entityType: "T", entityId: null, summary: { n: seq }, ip: null, createdAt: new Date(Date.UTC(2026, 0, seq)), prevHash: prev };
      const hash = hashEvent(event);
      await prisma.auditEvent.create({ data: { ...event, id: `legacy-${org.organizationId}-${seq}`, hash }, omit: { txid: true } });
      prev = hash;
    }
    expect((await auditSealingLag()).pending).toBeGreaterThanOrEqual(3);
    await sealOrganization(org.organizationId);
    const seals = await prisma.auditSeal.findMany({ where: { organizationId: org.organizationId }, orderBy: { seq: "asc" }, take: 3, include: { event: true } });
    expect(seals.map((s) => [s.seq, s.event.action, s.event.seq])).toEqual([
      [1, "legacy", 1],
      [2, "legacy", 2],
      [3, "legacy", 3],
    ]);
    expect((await report(org)).broken).toBeNull();

    await tamper(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE "id" = $1`, [seals[1]!.eventId]);
    expect((await report(org)).broken).toMatchObject({ seq: 2, eventId: seals[1]!.eventId });
  });
});
