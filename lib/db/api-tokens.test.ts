import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { prisma } from "./prisma-client";
import { setMemberActive } from "./users";
import { createVendor } from "./vendors";

let org: TestOrganization;
beforeAll(async () => {
  org = await createTestOrganization("API tokens");
});

describe("API tokens", () => {
  it("are shown once and stored only as their SHA-256", async () => {
    const made = await createApiToken(org.as.ADMIN, { name: "hash check", scopes: ["vendors:read"], expiresInDays: 1 });
    expect(made.token).toMatch(/^vetta_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(made.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(made.token);
    const listed = (await listApiTokens(org.as.ADMIN)).find((t) => t.id === made.id)!;
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(made.token.startsWith(listed.prefix)).toBe(true);
  });

  it("refuse unknown, revoked and expired tokens", async () => {
    expect(await authenticateApiToken("vetta_unknown", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateApiToken("not even the prefix", null)).toEqual({ ok: false, reason: "invalid" });
    const made = await createApiToken(org.as.ADMIN, { name: "to revoke", scopes: ["vendors:read"], expiresInDays: 1 });
    expect((await authenticateApiToken(made.token, null)).ok).toBe(true);
    // Two revokes at once record one revocation.
    const [r1, r2] = await Promise.all([revokeApiToken(org.as.ADMIN, made.id), revokeApiToken(org.as.ADMIN, made.id)]);
    expect(r1.revokedAt).toEqual(r2.revokedAt);
    expect(await authenticateApiToken(made.token, null)).toEqual({ ok: false, reason: "invalid" });
    const old = await createApiToken(org.as.ADMIN, { name: "expired", scopes: ["vendors:read"], expiresInDays: 1 }, new Date(Date.now() - 2 * 86_400_000));
    expect(await authenticateApiToken(old.token, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("cannot be revoked from another organisation", async () => {
    const other = await createTestOrganization("API tokens other");
    const made = await createApiToken(org.as.ADMIN, { name: "mine", scopes: ["vendors:read"], expiresInDays: 1 });
    await expect(revokeApiToken(other.as.ADMIN, made.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await authenticateApiToken(made.token, null)).ok).toBe(true);
  });

  it("answer a name taken (40 at once) with one token and 409s naming the field", async () => {
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => createApiToken(org.as.ADMIN, { name: "raced", scopes: ["vendors:read"], expiresInDays: 1 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", fieldErrors: { name: expect.any(String) } });
  });

  it("stop when their creator is deactivated or no longer an admin", async () => {
    const second = await prisma.membership.findFirstOrThrow({ where: { organizationId: org.organizationId, role: "ACCOUNT_MANAGER" } });
    await prisma.membership.update({ where: { id: second.id }, data: { role: "ADMIN" } });
    const made = await createApiToken({ ...org.as.ADMIN, userId: second.userId }, { name: "leaver", scopes: ["vendors:read"], expiresInDays: 5 });
    expect((await authenticateApiToken(made.token, null)).ok).toBe(true);
    await setMemberActive(org.as.ADMIN, second.userId, false);
    expect((await authenticateApiToken(made.token, null)).ok).toBe(false);
    await setMemberActive(org.as.ADMIN, second.userId, true);
    expect((await authenticateApiToken(made.token, null)).ok).toBe(true);
    await prisma.membership.update({ where: { id: second.id }, data: { role: "ACCOUNT_MANAGER" } });
    expect((await authenticateApiToken(made.token, null)).ok).toBe(false);
  });

  it("hold their rate limit when 40 requests arrive at once", async () => {
    const made = await createApiToken(org.as.ADMIN, { name: "burst", scopes: ["vendors:read"], expiresInDays: 1 });
    const limit = { windowMs: 60_000, requests: 10 };
    const results = await Promise.all(Array.from({ length: 40 }, () => authenticateApiToken(made.token, "10.0.0.1", new Date(), limit)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "rate-limited" && r.retryAfterSeconds > 0)).toBe(true);
    // The next window lets the token in again.
    expect((await authenticateApiToken(made.token, "10.0.0.1", new Date(Date.now() + 61_000), limit)).ok).toBe(true);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.lastUsedIp).toBe("10.0.0.1");
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("act for their organisation as an admin, never as a client viewer, and are named in the audit trail", async () => {
    const made = await createApiToken(org.as.ADMIN, { name: "PSA sync", scopes: ["vendors:write"], expiresInDays: 1 });
    const auth = await authenticateApiToken(made.token, "10.0.0.2");
    if (!auth.ok) throw new Error("refused");
    expect(auth.caller.ctx).toMatchObject({ organizationId: org.organizationId, role: "ADMIN", clientId: null, ip: "10.0.0.2" });
    const vendor = await createVendor(auth.caller.ctx, { name: "Made by a token", website: null, description: null });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, entityId: vendor.id, action: "vendor.create" } });
    expect(event.actorLabel).toBe('API token "PSA sync"');
    const created = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, entityId: made.id, action: "api-token.create" } });
    expect(JSON.stringify(created.summary)).not.toContain(made.token);
  });
});
