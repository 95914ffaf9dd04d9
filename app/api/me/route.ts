import { NextResponse } from "next/server";
import { guardedRoute } from "@/lib/http/route";

/** Who the session belongs to: used by scripts and the API's own tests. */
export const GET = guardedRoute("dashboard:view", async (_req, actor) =>
  NextResponse.json(
    { userId: actor.userId, email: actor.email, role: actor.role, organizationId: actor.organizationId, organizationName: actor.organizationName },
    { headers: { "Cache-Control": "no-store" } },
  ),
);
