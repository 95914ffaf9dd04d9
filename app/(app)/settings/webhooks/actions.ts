"use server";

import { revalidatePath } from "next/cache";
import { createWebhookEndpoint, deleteWebhookEndpoint, sendTestWebhookEvent, setWebhookEndpointEnabled } from "@/lib/db/webhooks";
import { guardedAction } from "@/lib/http/guarded-action";
import { webhookEndpointEnabled, webhookEndpointId, webhookEndpointInput } from "@/lib/validation/webhook";

/** The signing secret is in this result and nowhere else: the page shows it once. */
export const createWebhookAction = guardedAction(webhookEndpointInput, "organization:manage", async (actor, input) => {
  const made = await createWebhookEndpoint(actor, input);
  revalidatePath("/settings/webhooks");
  return { id: made.id, url: made.url, secret: made.secret };
});

export const setWebhookEnabledAction = guardedAction(webhookEndpointEnabled, "organization:manage", async (actor, input) => {
  await setWebhookEndpointEnabled(actor, input.id, input.enabled);
  revalidatePath("/settings/webhooks", "layout");
});

export const sendTestWebhookAction = guardedAction(webhookEndpointId, "organization:manage", async (actor, input) => {
  await sendTestWebhookEvent(actor, input.id);
  revalidatePath(`/settings/webhooks/${input.id}`);
});

export const deleteWebhookAction = guardedAction(webhookEndpointId, "organization:manage", async (actor, input) => {
  await deleteWebhookEndpoint(actor, input.id);
  revalidatePath("/settings/webhooks");
});
