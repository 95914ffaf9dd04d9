"use server";

import { revalidatePath } from "next/cache";
import { updateOrganizationSettings } from "@/lib/db/organizations";
import { guardedAction } from "@/lib/http/guarded-action";
import { organizationSettingsInput } from "@/lib/validation/organization";

export const updateOrganizationSettingsAction = guardedAction(organizationSettingsInput, "organization:manage", async (actor, input) => {
  await updateOrganizationSettings(actor, input);
  // Every date shown as of "today" may move.
  revalidatePath("/", "layout");
});
