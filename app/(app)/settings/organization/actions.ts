"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { updateOrganizationSettings } from "@/lib/db/organizations";
import { organizationSettingsInput } from "@/lib/validation/organization";

const update = guardedAction("organization:manage", organizationSettingsInput, async (actor, input) => {
  await updateOrganizationSettings(actor, input);
  // Every date shown as of "today" may move.
  revalidatePath("/", "layout");
});

export async function updateOrganizationSettingsAction(raw: unknown) {
  return update(raw);
}
