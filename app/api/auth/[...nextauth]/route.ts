import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { SSO_PROVIDER_PREFIX, ssoProvider } from "@/lib/auth/sso";
import { serverEnv } from "@/lib/config/server-env";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { accountKey, ipKey, lockedUntil } from "@/lib/db/sign-in-throttle";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's providers are fixed per call, and single sign-on has one per organisation: the
 * provider named in this URL (/signin/sso-<id>, /callback/sso-<id>) is loaded from the
 * organisation's settings and added for this request only. An unknown or disabled one is left
 * out, and next-auth answers as for any unknown provider.
 */
async function handler(req: NextRequest, ctx: RouteContext) {
  const segments = (await ctx.params).nextauth ?? [];
  const providerId = (segments[0] === "signin" || segments[0] === "callback") && segments[1]?.startsWith(SSO_PROVIDER_PREFIX) ? segments[1] : null;
  const orgId = providerId?.slice(SSO_PROVIDER_PREFIX.length) ?? "";
  const sso = providerId && /^[A-Za-z0-9_-]{1,64}$/.test(orgId) ? await ssoProvider(orgId) : null;
  return NextAuth(req, ctx, authOptions(sso ? [sso] : []));
}

export const GET = handler;

/**
 * Locked accounts and IPs get HTTP 429 before next-auth sees the attempt. The body keeps the
 * shape next-auth's client reads ({ url }), so the sign-in form shows the throttling message.
 */
export async function POST(req: NextRequest, ctx: RouteContext) {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData().catch(() => null);
    const email = typeof form?.get("email") === "string" ? String(form.get("email")) : "";
    const ip = clientIpFrom(req.headers) ?? "unknown";
    const until = await lockedUntil([accountKey(email), ipKey(ip)]);
    if (until) {
      const retryAfter = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
      const url = new URL("/sign-in?error=TooManyAttempts", serverEnv.authUrl() ?? req.nextUrl.origin).toString();
      return NextResponse.json({ url, error: "TooManyAttempts" }, { status: 429, headers: { "Retry-After": String(retryAfter) } });
    }
  }
  return handler(req, ctx);
}
