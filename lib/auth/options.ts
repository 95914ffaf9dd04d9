import "server-only";
import type { AuthOptions } from "next-auth";
import { headers } from "next/headers";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { serverEnv } from "@/lib/config/server-env";
import { revokeUserSession } from "@/lib/db/sessions";
import { clientIpFrom } from "./client-ip";
import { SIGN_IN_ERRORS as PASSWORD_ERRORS, authorizeCredentials, type SignedInUser } from "./sign-in";
import { completeSsoSignIn, SSO_ERRORS, SSO_PROVIDER_PREFIX, SsoRefused, type SsoClaims } from "./sso";

/** Every code the sign-in page may be sent back with, and its words. */
export const SIGN_IN_ERRORS = { ...PASSWORD_ERRORS, ...SSO_ERRORS } as const;

/**
 * SECURITY-CRITICAL. Credentials sign-in with JWT cookies backed by server-side sessions: the token
 * carries the user's sessionVersion and the id of a UserSession row, and lib/auth/session
 * re-checks both (and the user's state) on every request. Signing out revokes the row, so the old
 * cookie is dead even if someone kept a copy; the row's expiry is the absolute lifetime.
 */
export function authOptions(extraProviders: Provider[] = []): AuthOptions {
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
          return authorizeCredentials(credentials, (req?.headers ?? {}) as Record<string, string>);
        },
      }),
      // An organisation's OpenID Connect provider, added by the auth route for its own URLs only.
      ...extraProviders,
    ],
    callbacks: {
      /**
       * SECURITY-CRITICAL. A single sign-on only opens the account lib/auth/sso allows (verified
       * e-mail in an allowed domain, active, two-step rule), and then the same server-side
       * session a password opens: its fields go on `user`, which the jwt callback reads.
       */
      async signIn({ user, account, profile }) {
        if (!account?.provider.startsWith(SSO_PROVIDER_PREFIX)) return true;
        try {
          const signed = await completeSsoSignIn(account.provider.slice(SSO_PROVIDER_PREFIX.length), (profile ?? {}) as SsoClaims, clientIpFrom(await headers()));
          Object.assign(user, signed);
          return true;
        } catch (error) {
          return `/sign-in?error=${error instanceof SsoRefused ? error.code : "SsoUnavailable"}`;
        }
      },
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as SignedInUser;
          token.uid = u.id;
          token.org = u.organizationId;
          token.sv = u.sessionVersion;
          token.sid = u.sessionId;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, org: token.org, sv: token.sv, sid: token.sid };
      },
    },
    events: {
      // next-auth hands over the decoded cookie of the browser signing out: end that session here.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeUserSession(token.sid);
      },
    },
  };
}
