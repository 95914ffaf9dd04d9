import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { verifySecondFactor } from "@/lib/db/mfa";
import { createUserSession } from "@/lib/db/sessions";
import { clearFailures, refundAttempt, signInLimits, takeAttempt } from "@/lib/db/sign-in-throttle";
import { recordRecoveryCodeUsed, recordSignIn } from "@/lib/db/sign-ins";
import { passwordSignInAllowed } from "@/lib/db/sso";
import { findAccountsForSignIn } from "@/lib/db/users";
import { signInInput } from "@/lib/validation/auth";
import { clientIpFrom } from "./client-ip";
import { verifyAgainstDummy, verifyPassword } from "./password";

/** The error codes the sign-in page turns into words. Never say which part was wrong. */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "That email and password do not match an active account.",
  TooManyAttempts: "Too many failed sign-ins. Wait 15 minutes and try again.",
  MfaRequired: "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
  MfaInvalid: "That code is not right. Enter the current code from your app, or an unused recovery code.",
} as const;

export interface SignedInUser {
  id: string;
  email: string;
  organizationId: string;
  sessionVersion: number;
  /** The server-side session (lib/db/sessions) this sign-in opened. */
  sessionId: string;
}

/**
 * The usable account (active, with a membership) whose password this is. An address is unique per
 * organisation only, so each account with it is tried, most recently used first; with none, a
 * dummy hash is checked so the answer takes as long as for a real address.
 */
async function matchingAccount(email: string, password: string) {
  const accounts = await findAccountsForSignIn(email);
  if (accounts.length === 0) {
    await verifyAgainstDummy(password);
    return null;
  }
  for (const account of accounts) {
    const valid = await verifyPassword(account.passwordHash, password);
    if (valid && !account.deactivatedAt && account.memberships[0]) return account;
  }
  return null;
}

/**
 * SECURITY-CRITICAL. What next-auth's credentials authorize() runs. The attempt is taken from the
 * account's and the IP's budget BEFORE the password is checked (one atomic statement per key), so
 * a burst cannot slip more than the limit past the check; a refused attempt never reaches argon2,
 * even with the right password. Returns null for a wrong email/password; throws an Error whose
 * message is one of SIGN_IN_ERRORS' keys for the other outcomes.
 */
export async function authorizeCredentials(credentials: Record<string, unknown> | undefined, headers: Record<string, string | string[] | undefined> | Headers): Promise<SignedInUser | null> {
  const parsed = signInInput.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIpFrom(headers) ?? "unknown";
  const limits = signInLimits(email, ip);
  if (!(await takeAttempt(limits)).allowed) throw new Error("TooManyAttempts");

  const account = await matchingAccount(email, password);
  const membership = account?.memberships[0];
  // A wrong password keeps the attempt it took: that is the failure being counted.
  if (!account || !membership) return null;

  // With single sign-on required, only admins keep their password (break-glass).
  if (!(await passwordSignInAllowed(membership.organizationId, membership.role))) {
    await refundAttempt(limits);
    throw new Error("PasswordSignInOff");
  }
  const who = { userId: account.id, email: account.email, organizationId: membership.organizationId, ip };
  // The second step. The password was right, so asking for the code says so; wrong codes keep
  // their attempt like wrong passwords, which caps guessing at 5 per 15 minutes.
  if (account.mfaEnabledAt) {
    const code = parsed.data.code ?? "";
    if (!code) {
      await refundAttempt(limits);
      throw new Error("MfaRequired");
    }
    const how = await verifySecondFactor(account.id, code);
    if (!how) throw new Error("MfaInvalid");
    if (how === "recovery") await recordRecoveryCodeUsed(who);
  }
  // Success: the account's count starts again; the IP gets its attempt back (an office behind one
  // address signs in many people).
  await clearFailures(limits[0]!.key);
  await refundAttempt(limits.slice(1));
  await recordSignIn(who);
  const session = await createUserSession({ userId: account.id, organizationId: membership.organizationId, lifetimeSeconds: serverEnv.sessionMaxAgeSeconds() });
  return { id: account.id, email: account.email, organizationId: membership.organizationId, sessionVersion: account.sessionVersion, sessionId: session.id };
}
