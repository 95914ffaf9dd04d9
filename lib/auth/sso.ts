import "server-only";
import { randomBytes } from "node:crypto";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { serverEnv } from "@/lib/config/server-env";
import { createUserSession } from "@/lib/db/sessions";
import { recordSignIn } from "@/lib/db/sign-ins";
import { createSsoMember, organizationRequiresMfa, ssoMember, ssoProviderSettings } from "@/lib/db/sso";
import { hashPassword } from "./password";
import type { SignedInUser } from "./sign-in";

/** The error codes single sign-on sends back to the sign-in page, and their words. */
export const SSO_ERRORS = {
  SsoUnverifiedEmail: "Your identity provider did not confirm your e-mail address, so Vetta cannot match it to an account.",
  SsoDomain: "Your e-mail domain is not one your organisation allows for single sign-on.",
  SsoNoAccount: "There is no Vetta account for you in this organisation. Ask your admin to add you.",
  SsoDeactivated: "That email and password do not match an active account.",
  SsoMfaRequired: "Your organisation requires two-step verification: sign in with your password and code, or ask your admin to accept your identity provider's multi-factor sign-in.",
  SsoUnavailable: "Single sign-on is not set up for that address. Sign in with your password.",
  SsoAmbiguous: "More than one organisation claims your e-mail domain for single sign-on. Sign in with your password and tell your admin.",
  PasswordSignInOff: "Your organisation signs in with single sign-on: use “Continue with single sign-on”.",
} as const;
export type SsoErrorCode = keyof typeof SSO_ERRORS;

export class SsoRefused extends Error {
  constructor(readonly code: SsoErrorCode) {
    super(code);
  }
}

/** The provider id in next-auth's URLs: /api/auth/signin/sso-<organisation id>. */
export const SSO_PROVIDER_PREFIX = "sso-";
export const ssoProviderId = (organizationId: string) => `${SSO_PROVIDER_PREFIX}${organizationId}`;
export const ssoCallbackUrl = (organizationId: string) => `${serverEnv.publicUrl()}/api/auth/callback/${ssoProviderId(organizationId)}`;

export interface SsoClaims {
  sub?: string;
  email?: string;
  email_verified?: boolean | string;
  /** Microsoft Entra ID: the e-mail's domain is verified by the tenant (an optional claim). */
  xms_edov?: boolean | string;
  name?: string;
  amr?: string[];
}

const truthy = (v: unknown) => v === true || v === "true";

/**
 * The identity provider signed in with more than one factor: RFC 8176's "mfa", or two different
 * methods (a password and a one-time code, say).
 */
export function idpUsedMfa(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const methods = new Set(amr.filter((m): m is string => typeof m === "string"));
  return methods.has("mfa") || methods.size >= 2;
}

/**
 * SECURITY-CRITICAL. The Vetta account a verified identity-provider sign-in opens, or the reason
 * it does not: the e-mail must be verified and in an allowed domain; an existing account must be
 * active (and is never another organisation's); with none, one is made only when the admin set a
 * role for newcomers; where the organisation requires two-step verification, the provider's
 * multi-factor sign-in must be accepted and used. Then the same server-side session as a
 * password sign-in (revocation, lifetime, idle limit).
 */
export async function completeSsoSignIn(organizationId: string, claims: SsoClaims, ip: string | null): Promise<SignedInUser> {
  const settings = await ssoProviderSettings(organizationId);
  if (!settings) throw new SsoRefused("SsoUnavailable");
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || !(truthy(claims.email_verified) || truthy(claims.xms_edov))) throw new SsoRefused("SsoUnverifiedEmail");
  if (!settings.allowedDomains.includes(email.split("@").pop()!)) throw new SsoRefused("SsoDomain");
  const member = await ssoMember(organizationId, email);
  let account: { id: string; email: string; sessionVersion: number };
  let requireMfa: boolean;
  if (member) {
    if (member.user.deactivatedAt) throw new SsoRefused("SsoDeactivated");
    account = member.user;
    requireMfa = member.organization.requireMfa && member.role !== "CLIENT_VIEWER";
  } else {
    if (!settings.jitRole) throw new SsoRefused("SsoNoAccount");
    requireMfa = await organizationRequiresMfa(organizationId);
    if (requireMfa && !(settings.acceptIdpMfa && idpUsedMfa(claims.amr))) throw new SsoRefused("SsoMfaRequired");
    // Nobody knows this password: the account signs in through the provider (or a reset link).
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    account = await createSsoMember(organizationId, { email, name: (claims.name ?? email).slice(0, 120), role: settings.jitRole, passwordHash }, ip);
  }
  if (requireMfa && !(settings.acceptIdpMfa && idpUsedMfa(claims.amr))) throw new SsoRefused("SsoMfaRequired");
  await recordSignIn({ userId: account.id, email: account.email, organizationId, ip: ip ?? "unknown" });
  const session = await createUserSession({ userId: account.id, organizationId, lifetimeSeconds: serverEnv.sessionMaxAgeSeconds() });
  return { id: account.id, email: account.email, organizationId, sessionVersion: account.sessionVersion, sessionId: session.id };
}

/** next-auth's OpenID Connect provider for one organisation (discovery, PKCE, state and nonce). */
export async function ssoProvider(organizationId: string): Promise<OAuthConfig<SsoClaims> | null> {
  const settings = await ssoProviderSettings(organizationId);
  if (!settings) return null;
  return {
    id: ssoProviderId(organizationId),
    name: settings.displayName,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (claims) => ({ id: claims.sub ?? "", email: claims.email ?? null, name: claims.name ?? null }),
  };
}
