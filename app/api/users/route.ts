import { NextResponse } from "next/server";
import { guardedRoute } from "@/lib/http/route";
import { listMembers } from "@/lib/db/users";

/** The organisation's users and roles: the quarterly access review, as JSON. ADMIN only. */
export const GET = guardedRoute("user:manage", async (_req, actor) => {
  const members = await listMembers(actor);
  return NextResponse.json({ users: members }, { headers: { "Cache-Control": "no-store" } });
});
