"use server";

import { markNotificationsRead } from "@/lib/db/notifications";
import { revokeOwnSessions } from "@/lib/db/users";
import { guardedAction } from "@/lib/http/guarded-action";
import { markNotificationsReadInput } from "@/lib/validation/notifications";
import { noInput } from "@/lib/validation/record-id";

/** Signs the caller out of every session, this one included (the session version moves on). */
export const signOutEverywhereAction = guardedAction(noInput, "account:self", (actor) => revokeOwnSessions(actor));

/** Marks one of the caller's notifications read, or all of them ({ id: "all" }). */
export const markNotificationsReadAction = guardedAction(markNotificationsReadInput, "dashboard:view", (actor, input) => markNotificationsRead(actor, input.id));
