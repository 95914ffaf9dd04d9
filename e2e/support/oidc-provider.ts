import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (the oidc-provider package, as certified implementations use)
 * on a free loopback port, for the single sign-on spec. Its development login form takes any
 * e-mail address as the account, and vouches for it (email_verified).
 */
export async function startOidcProvider(options: { redirectUri: string; clientId: string; clientSecret: string }) {
  const server: Server = await new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: options.clientId, client_secret: options.clientSecret, redirect_uris: [options.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Scope claims in the ID token itself (next-auth reads the ID token's claims).
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: `SSO ${id.split("@")[0]}` }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-oidc-cookie-key"] },
  });
  server.on("request", provider.callback());
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
