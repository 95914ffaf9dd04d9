import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/config/server-env";
import { revokeUserSession } from "@/lib/db/sessions";
import { authorizeCredentials, type SignedInUser } from "./sign-in";

export { SIGN_IN_ERRORS } from "./sign-in";

/**
 * SECURITY-CRITICAL. Credentials sign-in with JWT cookies backed by server-side sessions: the token
 * carries the user's sessionVersion and the id of a UserSession row, and lib/auth/session
 * re-checks both (and the user's state) on every request. Signing out revokes the row, so the old
 * cookie is dead even if someone kept a copy; the row's expiry is the absolute lifetime.
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
          return authorizeCredentials(credentials, (req?.headers ?? {}) as Record<string, string>);
        },
      }),
    ],
    callbacks: {
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
