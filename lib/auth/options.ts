import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/config/server-env";
import { recordAudit } from "@/lib/db/audit";
import { prisma } from "@/lib/db/client";
import { accountKey, clearFailures, ipKey, lockedUntil, recordFailure, THROTTLE } from "@/lib/db/sign-in-throttle";
import { verifySecondFactor } from "@/lib/db/mfa";
import { findAccountForSignIn, markSignedIn } from "@/lib/db/users";
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

/**
 * SECURITY-CRITICAL. Credentials sign-in with JWT sessions that can still be revoked: the token
 * carries the user's sessionVersion, and lib/auth/session re-checks it (and the user's state) on
 * every request.
 */
export function authOptions(): AuthOptions {
  return {
    secret: serverEnv.authSecret(),
    session: { strategy: "jwt", maxAge: serverEnv.sessionMaxAgeSeconds() },
    jwt: { maxAge: serverEnv.sessionMaxAgeSeconds() },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
        async authorize(credentials, req) {
          const parsed = signInInput.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientIpFrom((req?.headers ?? {}) as Record<string, string>) ?? "unknown";
          const keys = [accountKey(email), ipKey(ip)];
          if (await lockedUntil(keys)) throw new Error("TooManyAttempts");

          const account = await findAccountForSignIn(email);
          const membership = account?.memberships[0];
          const valid = account
            ? await verifyPassword(account.passwordHash, password)
            : (await verifyAgainstDummy(password), false);
          if (!account || !valid || account.deactivatedAt || !membership) {
            await recordFailure([
              { key: keys[0]!, limit: THROTTLE.accountLimit },
              { key: keys[1]!, limit: THROTTLE.ipLimit },
            ]);
            return null;
          }
          // The second step. The password was right, so asking for the code says so; wrong codes
          // count against the same throttle as wrong passwords, which caps guessing at 5 per 15 minutes.
          if (account.mfaEnabledAt) {
            const code = parsed.data.code ?? "";
            if (!code) throw new Error("MfaRequired");
            const how = await verifySecondFactor(account.id, code);
            if (!how) {
              await recordFailure([
                { key: keys[0]!, limit: THROTTLE.accountLimit },
                { key: keys[1]!, limit: THROTTLE.ipLimit },
              ]);
              throw new Error("MfaInvalid");
            }
            if (how === "recovery") {
              await prisma.$transaction((tx) =>
                recordAudit(tx, { organizationId: membership.organizationId, userId: account.id, actorLabel: account.email, ip }, { action: "user.mfa.recovery-code-used", entityType: "User", entityId: account.id }),
              );
            }
          }
          await clearFailures(keys[0]!);
          await markSignedIn(account.id);
          await prisma.$transaction((tx) =>
            recordAudit(
              tx,
              { organizationId: membership.organizationId, userId: account.id, actorLabel: account.email, ip },
              { action: "user.sign-in", entityType: "User", entityId: account.id },
            ),
          );
          return { id: account.id, email: account.email, organizationId: membership.organizationId, sessionVersion: account.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; organizationId: string; sessionVersion: number };
          token.uid = u.id;
          token.org = u.organizationId;
          token.sv = u.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, org: token.org, sv: token.sv };
      },
    },
  };
}
