import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks/events";
import { recordId } from "./record-id";

export const webhookEndpointInput = z.object({
  url: z
    .string({ message: "Enter the endpoint's address." })
    .trim()
    .min(1, "Enter the endpoint's address.")
    .max(2000, "Use at most 2,000 characters.")
    .pipe(z.url({ protocol: /^https?$/, message: "Enter an address starting with https://" })),
  description: z
    .string()
    .trim()
    .max(200, "Use at most 200 characters.")
    .optional()
    .transform((v) => (v ? v : null)),
  events: z
    .union([z.array(z.enum(WEBHOOK_EVENTS, { message: "Choose events from the list." })), z.enum(WEBHOOK_EVENTS, { message: "Choose events from the list." }), z.literal(false), z.null(), z.undefined()])
    .transform((v) => [...new Set(v ? (Array.isArray(v) ? v : [v]) : [])])
    .refine((v) => v.length > 0, "Choose at least one event."),
});
export type WebhookEndpointValues = z.input<typeof webhookEndpointInput>;
export type WebhookEndpointInput = z.output<typeof webhookEndpointInput>;

export const webhookEndpointId = z.object({ id: recordId });
export const webhookEndpointEnabled = z.object({ id: recordId, enabled: z.boolean() });
