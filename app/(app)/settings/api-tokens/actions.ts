"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { guardedAction } from "@/lib/http/guarded-action";
import { createApiTokenInput, revokeApiTokenInput } from "@/lib/validation/api-token";

/** The token itself is in this result and nowhere else: the page shows it once. */
export const createApiTokenAction = guardedAction(createApiTokenInput, "organization:manage", async (actor, input) => {
  const made = await createApiToken(actor, input);
  revalidatePath("/settings/api-tokens");
  return { id: made.id, name: made.name, token: made.token };
});

export const revokeApiTokenAction = guardedAction(revokeApiTokenInput, "organization:manage", async (actor, input) => {
  await revokeApiToken(actor, input.id);
  revalidatePath("/settings/api-tokens");
});
