import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { findAuditEvents, sealOrganization, verifyAuditChains } from "./audit";
import { changeMemberRole, createMember, listMembers, loadSessionMember, setMemberActive } from "./users";
import { prisma } from "./prisma-client";

let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrganization("Org A"), createTestOrganization("Org B")]);
});

describe("users", () => {
  it("lists only the caller's organisation", async () => {
    const members = await listMembers(a.as.ADMIN);
    expect(members.map((m) => m.email).sort()).toEqual(Object.values(a.emails).sort());
  });

  it("creates a member with an audit event in the same organisation", async () => {
    const user = await createMember(a.as.ADMIN, { email: `New-${Date.now()}@Test.example`, name: "New Person", role: "ACCOUNT_MANAGER", passwordHash: "x" });
    expect(user.email).toMatch(/^new-\d+@test\.example$/);
    const events = await findAuditEvents(a.as.ADMIN, { entityType: "User", entityId: user.id });
    expect(events[0]).toMatchObject({ action: "user.create", actorId: a.as.ADMIN.userId });
  });

  it("refuses a client viewer without a client, and a client from another organisation", async () => {
    await expect(createMember(a.as.ADMIN, { email: `v1-${Date.now()}@test.example`, name: "V", role: "CLIENT_VIEWER", passwordHash: "x" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      createMember(a.as.ADMIN, { email: `v2-${Date.now()}@test.example`, name: "V", role: "CLIENT_VIEWER", clientId: b.clientId, passwordHash: "x" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("cannot change or deactivate a user of another organisation", async () => {
    await expect(changeMemberRole(a.as.ADMIN, b.as.ACCOUNT_MANAGER.userId, "ADMIN")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setMemberActive(a.as.ADMIN, b.as.ACCOUNT_MANAGER.userId, false)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const still = await loadSessionMember(b.as.ACCOUNT_MANAGER.userId, b.organizationId, 1);
    expect(still?.role).toBe("ACCOUNT_MANAGER");
  });

  it("a role change is visible on the next session check", async () => {
    const org = await createTestOrganization();
    await changeMemberRole(org.as.ADMIN, org.as.ACCOUNT_MANAGER.userId, "COMPLIANCE_OFFICER");
    const member = await loadSessionMember(org.as.ACCOUNT_MANAGER.userId, org.organizationId, 1);
    expect(member?.role).toBe("COMPLIANCE_OFFICER");
  });

  it("deactivation ends the session at once, reactivation needs a new sign-in", async () => {
    const org = await createTestOrganization();
    const userId = org.as.ACCOUNT_MANAGER.userId;
    expect(await loadSessionMember(userId, org.organizationId, 1)).not.toBeNull();
    await setMemberActive(org.as.ADMIN, userId, false);
    expect(await loadSessionMember(userId, org.organizationId, 1)).toBeNull();
    await setMemberActive(org.as.ADMIN, userId, true);
    // The old session (version 1) stays dead; a fresh sign-in carries version 2.
    expect(await loadSessionMember(userId, org.organizationId, 1)).toBeNull();
    expect(await loadSessionMember(userId, org.organizationId, 2)).not.toBeNull();
  });

  it("keeps at least one active admin", async () => {
    const org = await createTestOrganization();
    await expect(changeMemberRole(org.as.ADMIN, org.as.ADMIN.userId, "ACCOUNT_MANAGER")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setMemberActive(org.as.ADMIN, org.as.ADMIN.userId, false)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("audit trail", () => {
  it("seals every organisation's events into its keyed chain, and the app role cannot edit them", async () => {
    await sealOrganization(a.organizationId);
    const [mine] = (await verifyAuditChains({ organizationId: a.organizationId })).organizations;
    expect(mine?.events).toBeGreaterThan(3);
    expect(mine?.sealed).toBe(mine?.events);
    expect(mine?.broken).toBeNull();
    // The app role holds only INSERT and SELECT on the audit tables (lib/db/audit.test.ts tests more).
    await expect(prisma.auditEvent.updateMany({ where: { organizationId: a.organizationId }, data: { action: "tampered" } })).rejects.toThrow(/permission denied/);
    await expect(prisma.auditEvent.deleteMany({ where: { organizationId: a.organizationId } })).rejects.toThrow(/permission denied/);
  });

  it("chains concurrent writers without gaps once sealed", async () => {
    const org = await createTestOrganization();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createMember(org.as.ADMIN, { email: `c${i}-${Date.now()}@test.example`, name: `C${i}`, role: "ACCOUNT_MANAGER", passwordHash: "x" }),
      ),
    );
    await sealOrganization(org.organizationId);
    const [report] = (await verifyAuditChains({ organizationId: org.organizationId })).organizations;
    expect(report?.broken).toBeNull();
    expect(report?.events).toBeGreaterThanOrEqual(8 + 6);
    expect(report?.sealed).toBe(report?.events);
  });
});
