import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import { changeOwnPassword, resetPasswordWithLink } from "@/lib/auth/change-password";
import { createTestOrganization, TEST_PASSWORD, type TestOrganization } from "@/lib/testing/fixtures";
import { prisma } from "./prisma-client";
import { listOutbox } from "./outbox";
import { findLiveReset, issuePasswordReset } from "./passwords";
import { createUserSession, touchUserSession } from "./sessions";

const IDLE = 1800;
let org: TestOrganization;
let ip = 0;
// Addresses of this file only: files run side by side and the per-IP limit is shared.
const RUN = Math.random().toString(36).slice(2, 8);
const signIn = (email: string, password: string) => authorizeCredentials({ email, password }, { "x-vetta-client-ip": `192.0.2.${++ip}-pw-${RUN}` }).catch((e: Error) => e.message);

beforeAll(async () => {
  org = await createTestOrganization("Passwords");
});

describe("changing one's own password", () => {
  it("needs the current password, refuses a common one with a field error, and ends every other session", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const email = org.emails.ACCOUNT_MANAGER;
    const [here, elsewhere] = await Promise.all([1, 2].map(() => createUserSession({ userId: me.userId, organizationId: org.organizationId, lifetimeSeconds: 3600 })));
    const ctx = { ...me, sessionId: here!.id };

    await expect(changeOwnPassword(ctx, { currentPassword: "not my password", newPassword: "violet tractor in the rain" })).rejects.toMatchObject({ fieldErrors: { currentPassword: "That is not your current password." } });
    await expect(changeOwnPassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: "password1234" })).rejects.toMatchObject({ fieldErrors: { newPassword: expect.stringContaining("common or leaked") } });
    expect(await touchUserSession(elsewhere!.id, me.userId, IDLE)).toBe(true);

    await changeOwnPassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: "violet tractor in the rain" });
    expect(await touchUserSession(here!.id, me.userId, IDLE)).toBe(true);
    expect(await touchUserSession(elsewhere!.id, me.userId, IDLE)).toBe(false);
    expect(await signIn(email, TEST_PASSWORD)).toBeNull();
    expect(await signIn(email, "violet tractor in the rain")).toMatchObject({ id: me.userId });
    expect(await prisma.outboxEmail.count({ where: { organizationId: org.organizationId, to: email, subject: "[Vetta] Your password was changed" } })).toBe(1);
  });

  it("a burst of 40 guesses at the current password gets 5 checked, then even the right one is refused", async () => {
    const me = org.as.COMPLIANCE_OFFICER;
    const ctx = { ...me, sessionId: null };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => changeOwnPassword(ctx, { currentPassword: `guess ${i}`, newPassword: "harbour lights at dawn" }).then(() => "CHANGED", (e: { code: string }) => e.code)),
    );
    expect(results.filter((r) => r === "VALIDATION")).toHaveLength(5);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(35);
    await expect(changeOwnPassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: "harbour lights at dawn" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("admin-issued reset link", () => {
  it("goes out through the outbox (hidden from the admin's outbox view), works once under a burst of 40, and ends every session", async () => {
    const admin = org.as.ADMIN;
    const target = org.as.CLIENT_VIEWER;
    const session = await createUserSession({ userId: target.userId, organizationId: org.organizationId, lifetimeSeconds: 3600 });
    const { token, to } = await issuePasswordReset(admin, target.userId, "https://vetta.example");
    expect(to).toBe(org.emails.CLIENT_VIEWER);

    const stored = await prisma.passwordReset.findMany({ where: { userId: target.userId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { organizationId: org.organizationId, to }, orderBy: { createdAt: "desc" } });
    expect(mail.body).toContain(`https://vetta.example/reset-password/${token}`);
    const { rows } = await listOutbox(admin, 1);
    expect(rows.find((r) => r.id === mail.id)?.body).not.toContain(token);
    expect(await findLiveReset(token)).toMatchObject({ email: to });

    await expect(resetPasswordWithLink({ token, newPassword: "password1234" }, null)).rejects.toMatchObject({ fieldErrors: { newPassword: expect.any(String) } });

    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => resetPasswordWithLink({ token, newPassword: `sea glass and lantern ${i}` }, "192.0.2.200")));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await touchUserSession(session.id, target.userId, IDLE)).toBe(false);
    expect(await findLiveReset(token)).toBeNull();
    expect(await signIn(to, `sea glass and lantern ${winner}`)).toMatchObject({ id: target.userId });
    expect(await signIn(to, `sea glass and lantern ${(winner + 1) % 40}`)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "user.password.reset", entityId: target.userId } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { organizationId: org.organizationId, to, subject: "[Vetta] Your password was changed" } })).toBe(1);
  });

  it("expires, is replaced by a newer link, and cannot reach another organisation's user", async () => {
    const admin = org.as.ADMIN;
    const target = org.as.ACCOUNT_MANAGER;
    const old = await issuePasswordReset(admin, target.userId, "https://vetta.example", new Date(Date.now() - 61 * 60_000));
    expect(await findLiveReset(old.token)).toBeNull();
    expect(await resetPasswordWithLink({ token: old.token, newPassword: "copper kettle on the stove" }, null)).toBe(false);
    const first = await issuePasswordReset(admin, target.userId, "https://vetta.example");
    const second = await issuePasswordReset(admin, target.userId, "https://vetta.example");
    expect(await resetPasswordWithLink({ token: first.token, newPassword: "copper kettle on the stove" }, null)).toBe(false);
    expect(await resetPasswordWithLink({ token: second.token, newPassword: "copper kettle on the stove" }, null)).toBe(true);

    const other = await createTestOrganization("Passwords other");
    await expect(issuePasswordReset(admin, other.as.ADMIN.userId, "https://vetta.example")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
