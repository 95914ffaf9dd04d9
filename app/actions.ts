"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { revokeOwnSessions } from "@/lib/db/users";

/** Signs the caller out of every session, this one included (the session version moves on). */
export async function signOutEverywhereAction() {
  return run(undefined);
}
const run = guardedAction("account:self", z.undefined(), (actor) => revokeOwnSessions(actor));
