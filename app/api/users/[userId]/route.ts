import { NextResponse } from "next/server";
import { getMember } from "@/lib/db/users";
import { guardedRoute } from "@/lib/http/route";

export const GET = guardedRoute("user:manage", async (_req, actor, ctx: { params: Promise<{ userId: string }> }) => {
  const { userId } = await ctx.params;
  const member = await getMember(actor, userId);
  return NextResponse.json({ user: member }, { headers: { "Cache-Control": "no-store" } });
});
