import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { createUserSession, revokeUserSession, revokeUserSessions, touchUserSession } from "./sessions";
import { prisma } from "./prisma-client";
import { revokeOwnSessions } from "./users";

const HOUR = 3600;
const IDLE = 30 * 60;

let org: TestOrganization;
beforeAll(async () => {
  org = await createTestOrganization("Sessions");
});

describe("server-side sessions", () => {
  it("a signed-out session is refused at once", async () => {
    const userId = org.as.ACCOUNT_MANAGER.userId;
    const s = await createUserSession({ userId, organizationId: org.organizationId, lifetimeSeconds: 12 * HOUR });
    expect(await touchUserSession(s.id, userId, IDLE)).toBe(true);
    await revokeUserSession(s.id);
    expect(await touchUserSession(s.id, userId, IDLE)).toBe(false);
  });

  it("ends at its absolute lifetime however busy it is", async () => {
    const userId = org.as.ACCOUNT_MANAGER.userId;
    const start = new Date();
    const s = await createUserSession({ userId, organizationId: org.organizationId, lifetimeSeconds: 2 * HOUR }, start);
    // Busy every 20 minutes: never idle, still ends after two hours.
    for (let minute = 20; minute < 120; minute += 20) expect(await touchUserSession(s.id, userId, IDLE, new Date(start.getTime() + minute * 60_000))).toBe(true);
    expect(await touchUserSession(s.id, userId, IDLE, new Date(start.getTime() + 120 * 60_000))).toBe(false);
  });

  it("ends after the idle limit with no request, and a request inside it keeps it alive", async () => {
    const userId = org.as.ACCOUNT_MANAGER.userId;
    const start = new Date();
    const s = await createUserSession({ userId, organizationId: org.organizationId, lifetimeSeconds: 12 * HOUR }, start);
    expect(await touchUserSession(s.id, userId, IDLE, new Date(start.getTime() + 29 * 60_000))).toBe(true);
    expect(await touchUserSession(s.id, userId, IDLE, new Date(start.getTime() + 58 * 60_000))).toBe(true);
    expect(await touchUserSession(s.id, userId, IDLE, new Date(start.getTime() + 89 * 60_000))).toBe(false);
  });

  it("belongs to one user: another user's id with it is refused", async () => {
    const s = await createUserSession({ userId: org.as.ACCOUNT_MANAGER.userId, organizationId: org.organizationId, lifetimeSeconds: HOUR });
    expect(await touchUserSession(s.id, org.as.ADMIN.userId, IDLE)).toBe(false);
    expect(await touchUserSession("no-such-session", org.as.ACCOUNT_MANAGER.userId, IDLE)).toBe(false);
  });

  it("revoking a user's sessions can keep the current one (password change) or end all (sign out everywhere)", async () => {
    const me = org.as.COMPLIANCE_OFFICER;
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createUserSession({ userId: me.userId, organizationId: org.organizationId, lifetimeSeconds: HOUR })));
    await revokeUserSessions(me.userId, { keep: a!.id });
    expect(await Promise.all([a!, b!, c!].map((s) => touchUserSession(s.id, me.userId, IDLE)))).toEqual([true, false, false]);
    await revokeOwnSessions(me);
    expect(await touchUserSession(a!.id, me.userId, IDLE)).toBe(false);
    expect(await prisma.userSession.count({ where: { userId: me.userId, revokedAt: null } })).toBe(0);
  });
});
