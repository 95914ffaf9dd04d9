"use server";

import { revalidatePath } from "next/cache";
import { serverEnv } from "@/lib/config/server-env";
import { createCalendarFeedToken, revokeCalendarFeedTokens } from "@/lib/db/calendar-feeds";
import { sendDueReminders } from "@/lib/db/reminders";
import { guardedAction } from "@/lib/http/guarded-action";
import { noInput } from "@/lib/validation/record-id";

/** ADMIN: run today's reminder cycle for the organisation now instead of waiting for the hourly job. */
export const sendDueRemindersAction = guardedAction(noInput, "reminder:run", async (actor) => {
  const sent = await sendDueReminders(actor.organizationId);
  revalidatePath("/", "layout");
  return { sent };
});

/** A new private feed URL for the caller; shown once, since only its hash is kept. */
export const createCalendarFeedAction = guardedAction(noInput, "renewal:read", async (actor) => {
  const token = await createCalendarFeedToken(actor);
  revalidatePath("/renewals/calendar-feed");
  return { url: `${serverEnv.publicUrl()}/api/calendar/${token}.ics` };
});

export const revokeCalendarFeedAction = guardedAction(noInput, "renewal:read", async (actor) => {
  await revokeCalendarFeedTokens(actor);
  revalidatePath("/renewals/calendar-feed");
});
