"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { createCalendarFeedToken, revokeCalendarFeedTokens } from "@/lib/db/calendar-feeds";
import { sendDueReminders } from "@/lib/db/reminders";
import { serverEnv } from "@/lib/config/server-env";

/** ADMIN: run today's reminder cycle for the organisation now instead of waiting for the hourly job. */
const sendNow = guardedAction("reminder:run", z.undefined(), async (actor) => {
  const sent = await sendDueReminders(actor.organizationId);
  revalidatePath("/", "layout");
  return { sent };
});

/** A new private feed URL for the caller; shown once, since only its hash is kept. */
const createFeed = guardedAction("renewal:read", z.undefined(), async (actor) => {
  const token = await createCalendarFeedToken(actor);
  revalidatePath("/renewals/calendar-feed");
  return { url: `${serverEnv.publicUrl()}/api/calendar/${token}.ics` };
});

const revokeFeed = guardedAction("renewal:read", z.undefined(), async (actor) => {
  await revokeCalendarFeedTokens(actor);
  revalidatePath("/renewals/calendar-feed");
});

export async function sendDueRemindersAction(raw: unknown) {
  return sendNow(raw);
}
export async function createCalendarFeedAction(raw: unknown) {
  return createFeed(raw);
}
export async function revokeCalendarFeedAction(raw: unknown) {
  return revokeFeed(raw);
}
