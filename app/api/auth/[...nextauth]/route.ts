import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { serverEnv } from "@/lib/config/server-env";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { accountKey, ipKey, lockedUntil } from "@/lib/db/sign-in-throttle";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, ctx: RouteContext) {
  return NextAuth(req, ctx, authOptions());
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
