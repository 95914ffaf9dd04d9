"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { markNotificationsRead } from "@/lib/db/notifications";
import { revokeOwnSessions } from "@/lib/db/users";

/** Signs the caller out of every session, this one included (the session version moves on). */
export async function signOutEverywhereAction() {
  return run(undefined);
}
const run = guardedAction("account:self", z.undefined(), (actor) => revokeOwnSessions(actor));

const markRead = guardedAction("dashboard:view", z.object({ id: z.union([z.literal("all"), z.string().min(1).max(64)]) }), (actor, input) => markNotificationsRead(actor, input.id));

/** Marks one of the caller's notifications read, or all of them ({ id: "all" }). */
export async function markNotificationsReadAction(raw: unknown) {
  return markRead(raw);
}
