"use server";

import { revalidatePath } from "next/cache";
import { saveSsoSettings } from "@/lib/db/sso";
import { guardedAction } from "@/lib/http/guarded-action";
import { ssoSettingsInput } from "@/lib/validation/sso";

export const saveSsoSettingsAction = guardedAction(ssoSettingsInput, "organization:manage", async (actor, input) => {
  await saveSsoSettings(actor, input);
  revalidatePath("/settings/sso");
});
