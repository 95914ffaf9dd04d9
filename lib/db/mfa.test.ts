import { describe, expect, it } from "vitest";
import { totpCode } from "@/lib/auth/totp";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { prisma } from "./prisma-client";
import { confirmMfaSetup, disableMfa, getMfaStatus, organizationMfaPolicy, regenerateRecoveryCodes, resetMemberMfa, setRequireMfa, startMfaSetup, verifySecondFactor } from "./mfa";
import { loadSessionMember } from "./users";

const T0 = new Date("2026-11-23T10:00:05Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("two-step verification", () => {
  it("sets up with a code from the app, keeps the secret sealed, and signs in once per code", async () => {
    const org = await createTestOrganization("MFA");
    const me = org.as.ACCOUNT_MANAGER;
    const { secret, uri } = await startMfaSetup(me, "Vetta (test)");
    expect(uri).toContain(`secret=${secret}`);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: me.userId }, select: { mfaSecret: true, mfaEnabledAt: true } });
    expect(stored.mfaSecret).not.toContain(secret);
    expect(stored.mfaEnabledAt).toBeNull();
    // Not on until a code checks out; sign-in does not accept codes meanwhile.
    expect(await verifySecondFactor(me.userId, totpCode(secret, T0), T0)).toBeNull();
    await expect(confirmMfaSetup(me, "000000", T0)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { code: expect.any(String) } });

    const codes = await confirmMfaSetup(me, totpCode(secret, T0), T0);
    expect(codes).toHaveLength(10);
    expect(await getMfaStatus(me)).toMatchObject({ enabledAt: T0, recoveryCodesLeft: 10 });
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "user.mfa.enable" } })).toBe(1);

    // The code used to set up cannot be replayed; the next step's code works, once.
    expect(await verifySecondFactor(me.userId, totpCode(secret, T0), T0)).toBeNull();
    const next = totpCode(secret, later(30));
    expect(await verifySecondFactor(me.userId, next, later(30))).toBe("totp");
    expect(await verifySecondFactor(me.userId, next, later(31))).toBeNull();
    expect(await verifySecondFactor(me.userId, "123456", later(60))).toBeNull();

    // A recovery code works once, however it is typed; two racing sign-ins cannot both spend it.
    expect(await verifySecondFactor(me.userId, codes[0]!.toUpperCase(), later(90))).toBe("recovery");
    expect(await verifySecondFactor(me.userId, codes[0]!, later(91))).toBeNull();
    const race = await Promise.all([verifySecondFactor(me.userId, codes[1]!, later(92)), verifySecondFactor(me.userId, codes[1]!, later(92))]);
    expect(race.filter((r) => r === "recovery")).toHaveLength(1);
    expect((await getMfaStatus(me)).recoveryCodesLeft).toBe(8);

    // New recovery codes replace the old ones.
    const fresh = await regenerateRecoveryCodes(me, totpCode(secret, later(120)), later(120));
    expect(await verifySecondFactor(me.userId, codes[2]!, later(121))).toBeNull();
    expect(await verifySecondFactor(me.userId, fresh[0]!, later(122))).toBe("recovery");
  });

  it("is required of staff when the organisation says so: it cannot be turned off, and an admin reset signs them out", async () => {
    const org = await createTestOrganization("MFA policy");
    const other = await createTestOrganization("MFA other");
    const me = org.as.COMPLIANCE_OFFICER;
    // createOrganization requires it by default: staff without it must set it up; client viewers need not.
    expect(await loadSessionMember(me.userId, org.organizationId, 1)).toMatchObject({ mfaSetupRequired: true });
    expect(await loadSessionMember(org.as.CLIENT_VIEWER.userId, org.organizationId, 1)).toMatchObject({ mfaSetupRequired: false });
    expect((await organizationMfaPolicy(org.as.ADMIN)).staffWithoutMfa).toBe(3);

    const { secret } = await startMfaSetup(me, "Vetta");
    await confirmMfaSetup(me, totpCode(secret, T0), T0);
    expect(await loadSessionMember(me.userId, org.organizationId, 1)).toMatchObject({ mfaSetupRequired: false });
    await expect(disableMfa(me, totpCode(secret, later(30)), later(30))).rejects.toMatchObject({ code: "CONFLICT" });

    // Not required: it can be turned off with a current code, and not with a wrong one.
    await setRequireMfa(org.as.ADMIN, false);
    expect(await loadSessionMember(org.as.ACCOUNT_MANAGER.userId, org.organizationId, 1)).toMatchObject({ mfaSetupRequired: false });
    await expect(disableMfa(me, "999999", later(60))).rejects.toMatchObject({ code: "VALIDATION" });
    await disableMfa(me, totpCode(secret, later(60)), later(60));
    expect((await getMfaStatus(me)).enabledAt).toBeNull();
    await setRequireMfa(org.as.ADMIN, true);

    // An admin resets a member who lost their device: cleared, and every session of theirs ends.
    const again = await startMfaSetup(me, "Vetta");
    await confirmMfaSetup(me, totpCode(again.secret, later(90)), later(90));
    await expect(resetMemberMfa(other.as.ADMIN, me.userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetMemberMfa(org.as.ADMIN, org.as.ADMIN.userId)).rejects.toMatchObject({ code: "CONFLICT" });
    await resetMemberMfa(org.as.ADMIN, me.userId);
    expect(await loadSessionMember(me.userId, org.organizationId, 1)).toBeNull();
    expect(await loadSessionMember(me.userId, org.organizationId, 2)).toMatchObject({ mfaSetupRequired: true });
    expect(await prisma.mfaRecoveryCode.count({ where: { userId: me.userId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: { in: ["user.mfa.reset", "organization.require-mfa", "user.mfa.disable"] } } })).toBe(4);
  });
});
