import { NextResponse } from "next/server";
import { notificationsForBell } from "@/lib/db/notifications";
import { guardedRoute } from "@/lib/http/route";

/** The bell's contents, fetched when it opens so the list is current however long the page has been open. */
export const GET = guardedRoute("dashboard:view", async (_req, actor) => {
  const { items, unread } = await notificationsForBell(actor, 15);
  return NextResponse.json(
    { unread, items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
