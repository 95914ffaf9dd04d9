import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { completeSsoSignIn, idpUsedMfa } from "@/lib/auth/sso";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { ssoSettingsInput } from "@/lib/validation/sso";
import { prisma } from "./prisma-client";
import { getSsoSettings, passwordSignInAllowed, saveSsoSettings, ssoForEmail } from "./sso";
import { setMemberActive } from "./users";

let org: TestOrganization;
let domain: string;

const settings = (overrides: Record<string, unknown> = {}) =>
  ssoSettingsInput.parse({ enabled: true, displayName: "Test IdP", issuer: "https://idp.example", clientId: "vetta", clientSecret: "s3cret", allowedDomains: domain, jitRole: "NONE", passwordSignIn: true, acceptIdpMfa: false, ...overrides });

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => "signed in",
    (e: { code?: string }) => e.code ?? String(e),
  );
}

beforeAll(async () => {
  org = await createTestOrganization("SSO");
  domain = `sso-${randomBytes(4).toString("hex")}.example`;
  await prisma.organization.update({ where: { id: org.organizationId }, data: { requireMfa: false } });
  // Give the account manager an address in the SSO domain.
  const m = await prisma.membership.findFirstOrThrow({ where: { organizationId: org.organizationId, role: "ACCOUNT_MANAGER" } });
  await prisma.user.update({ where: { id: m.userId }, data: { email: `am@${domain}` } });
});

describe("single sign-on settings", () => {
  it("need a secret the first time, keep it sealed and never show it", async () => {
    await expect(saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "" }))).rejects.toMatchObject({ fieldErrors: { clientSecret: expect.any(String) } });
    await saveSsoSettings(org.as.ADMIN, settings());
    const row = await prisma.organizationSso.findUniqueOrThrow({ where: { organizationId: org.organizationId } });
    expect(row.clientSecretSealed).not.toContain("s3cret");
    expect(JSON.stringify(await getSsoSettings(org.as.ADMIN))).not.toContain("s3cret");
    // Blank keeps the stored secret.
    await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "" }));
    expect((await prisma.organizationSso.findUniqueOrThrow({ where: { organizationId: org.organizationId } })).clientSecretSealed).toBe(row.clientSecretSealed);
  });

  it("refuse a plain-http issuer except on this machine, and bad domains, naming the field", () => {
    expect(ssoSettingsInput.safeParse({ ...settings(), issuer: "http://idp.example", allowedDomains: domain, jitRole: "NONE" }).error?.issues[0]?.path).toEqual(["issuer"]);
    expect(ssoSettingsInput.safeParse({ ...settings(), issuer: "http://127.0.0.1:4000", allowedDomains: domain, jitRole: "NONE" }).success).toBe(true);
    expect(ssoSettingsInput.safeParse({ ...settings(), allowedDomains: "not a domain", jitRole: "NONE" }).error?.issues[0]?.path).toEqual(["allowedDomains"]);
  });

  it("find the organisation by e-mail domain; a domain two organisations claim is nobody's", async () => {
    expect(await ssoForEmail(`someone@${domain}`)).toMatchObject({ organizationId: org.organizationId, displayName: "Test IdP" });
    expect(await ssoForEmail("someone@elsewhere.example")).toBeNull();
    const rival = await createTestOrganization("SSO rival");
    await saveSsoSettings(rival.as.ADMIN, settings());
    expect(await ssoForEmail(`someone@${domain}`)).toEqual({ ambiguous: true });
    await saveSsoSettings(rival.as.ADMIN, settings({ enabled: false }));
    expect(await ssoForEmail(`someone@${domain}`)).toMatchObject({ organizationId: org.organizationId });
  });
});

describe("signing in with single sign-on", () => {
  it("opens the matching account, with a server-side session, only for a verified address in an allowed domain", async () => {
    const signed = await completeSsoSignIn(org.organizationId, { sub: "1", email: `AM@${domain}`, email_verified: true }, "10.0.0.9");
    const session = await prisma.userSession.findUniqueOrThrow({ where: { id: signed.sessionId } });
    expect(session).toMatchObject({ userId: signed.id, organizationId: org.organizationId, revokedAt: null });
    expect(await refusal(completeSsoSignIn(org.organizationId, { sub: "1", email: `am@${domain}`, email_verified: false }, null))).toBe("SsoUnverifiedEmail");
    expect(await refusal(completeSsoSignIn(org.organizationId, { sub: "1", email: `am@${domain}` }, null))).toBe("SsoUnverifiedEmail");
    // Entra ID says so with xms_edov instead.
    expect(await refusal(completeSsoSignIn(org.organizationId, { sub: "1", email: `am@${domain}`, xms_edov: true }, null))).toBe("signed in");
    expect(await refusal(completeSsoSignIn(org.organizationId, { sub: "1", email: "am@other.example", email_verified: true }, null))).toBe("SsoDomain");
  });

  it("never opens another organisation's account, and creates none unless the admin allows it", async () => {
    const other = await createTestOrganization("SSO other");
    const m = await prisma.membership.findFirstOrThrow({ where: { organizationId: other.organizationId, role: "COMPLIANCE_OFFICER" } });
    await prisma.user.update({ where: { id: m.userId }, data: { email: `co@${domain}` } });
    expect(await refusal(completeSsoSignIn(org.organizationId, { sub: "2", email: `co@${domain}`, email_verified: true }, null))).toBe("SsoNoAccount");
    await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "", jitRole: "COMPLIANCE_OFFICER" }));
    const made = await completeSsoSignIn(org.organizationId, { sub: "2", email: `co@${domain}`, email_verified: true, name: "New Officer" }, null);
    expect(made.id).not.toBe(m.userId);
    expect(await prisma.membership.findFirstOrThrow({ where: { userId: made.id } })).toMatchObject({ organizationId: org.organizationId, role: "COMPLIANCE_OFFICER" });
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "user.create.sso", entityId: made.id } })).toBe(1);
    // The second time, the same account.
    expect((await completeSsoSignIn(org.organizationId, { sub: "2", email: `co@${domain}`, email_verified: true }, null)).id).toBe(made.id);
    await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "" }));
  });

  it("keeps deactivated people out", async () => {
    const m = await prisma.membership.findFirstOrThrow({ where: { organizationId: org.organizationId, role: "ACCOUNT_MANAGER" } });
    await setMemberActive(org.as.ADMIN, m.userId, false);
    expect(await refusal(completeSsoSignIn(org.organizationId, { sub: "1", email: `am@${domain}`, email_verified: true }, null))).toBe("SsoDeactivated");
    await setMemberActive(org.as.ADMIN, m.userId, true);
  });

  it("follows the two-step rule: the provider's MFA counts only when the organisation accepts it", async () => {
    await prisma.organization.update({ where: { id: org.organizationId }, data: { requireMfa: true } });
    try {
      const claims = { sub: "1", email: `am@${domain}`, email_verified: true };
      expect(await refusal(completeSsoSignIn(org.organizationId, { ...claims, amr: ["pwd", "mfa"] }, null))).toBe("SsoMfaRequired");
      await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "", acceptIdpMfa: true }));
      expect(await refusal(completeSsoSignIn(org.organizationId, { ...claims, amr: ["pwd"] }, null))).toBe("SsoMfaRequired");
      expect(await refusal(completeSsoSignIn(org.organizationId, claims, null))).toBe("SsoMfaRequired");
      expect(await refusal(completeSsoSignIn(org.organizationId, { ...claims, amr: ["pwd", "mfa"] }, null))).toBe("signed in");
    } finally {
      await prisma.organization.update({ where: { id: org.organizationId }, data: { requireMfa: false } });
      await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "" }));
    }
    expect(idpUsedMfa(["pwd", "otp"])).toBe(true);
    expect(idpUsedMfa(["pwd"])).toBe(false);
    expect(idpUsedMfa("mfa")).toBe(false);
  });

  it("with password sign-in off, leaves passwords to admins only", async () => {
    await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "", passwordSignIn: false }));
    expect(await passwordSignInAllowed(org.organizationId, "ACCOUNT_MANAGER")).toBe(false);
    expect(await passwordSignInAllowed(org.organizationId, "ADMIN")).toBe(true);
    await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "", enabled: false, passwordSignIn: false }));
    expect(await passwordSignInAllowed(org.organizationId, "ACCOUNT_MANAGER")).toBe(true);
    await saveSsoSettings(org.as.ADMIN, settings({ clientSecret: "" }));
  });
});
