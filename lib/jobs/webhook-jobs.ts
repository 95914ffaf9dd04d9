import "server-only";
import type PgBoss from "pg-boss";
import { serverEnv } from "@/lib/config/server-env";
import { claimDeliveriesToEnqueue, deliveryToAttempt, recordDeliveryAttempt } from "@/lib/db/webhooks";
import { WEBHOOK_RETRIES, WEBHOOK_RETRY_DELAY_SECONDS } from "@/lib/domain/webhooks/events";
import { signPayload, SIGNATURE_HEADER } from "@/lib/domain/webhooks/signature";
import { logger } from "@/lib/log/logger";
import { sendWebhook } from "@/lib/webhooks/send-webhook";
import { createQueueOnce } from "./job-queue";

export const WEBHOOK_QUEUE = "vetta-webhooks";

/**
 * One attempt at one delivery: sign the stored payload with the endpoint's secret and the time of
 * sending, POST it, record what happened. A failure that is not the last attempt throws, so
 * pg-boss retries it with exponential backoff (30 s, 1, 2, 4, 8 min).
 */
export async function attemptWebhookDelivery(deliveryId: string, options: { final: boolean; allowPrivate?: boolean; now?: () => Date }) {
  const delivery = await deliveryToAttempt(deliveryId);
  if (!delivery) return { attempted: false as const };
  const body = JSON.stringify(delivery.payload);
  const now = options.now?.() ?? new Date();
  const result = await sendWebhook(
    delivery.endpoint.url,
    body,
    { [SIGNATURE_HEADER]: signPayload(delivery.endpoint.secret, body, Math.floor(now.getTime() / 1000)), "Vetta-Event": delivery.eventType, "Vetta-Event-Id": delivery.eventId, "Vetta-Delivery": delivery.id },
    { allowPrivate: options.allowPrivate ?? serverEnv.webhookAllowPrivate() },
  );
  const recorded = await recordDeliveryAttempt(deliveryId, result, { final: options.final });
  if (recorded.disabled) logger.warn({ deliveryId, endpointId: delivery.endpoint.id }, "webhook endpoint disabled after repeated failures");
  if (!result.ok && !options.final) throw new Error(`webhook delivery ${deliveryId} failed: ${result.error}`);
  return { attempted: true as const, ...result };
}

/** Hands new deliveries to the queue; several workers may run this at once (SKIP LOCKED). */
export async function enqueueWebhookDeliveries(boss: PgBoss) {
  const claimed = await claimDeliveriesToEnqueue();
  for (const { id } of claimed) {
    await boss.send(WEBHOOK_QUEUE, { deliveryId: id }, { singletonKey: id, retryLimit: WEBHOOK_RETRIES, retryDelay: WEBHOOK_RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 60 });
  }
  return claimed.length;
}

/** Registers the webhook queue on the worker's pg-boss and starts handing deliveries to it. */
export async function startWebhookWorker(boss: PgBoss, options: { intervalMs?: number } = {}) {
  await createQueueOnce(boss, WEBHOOK_QUEUE);
  await boss.work<{ deliveryId: string }>(WEBHOOK_QUEUE, { includeMetadata: true, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await attemptWebhookDelivery(job.data.deliveryId, { final: job.retryCount >= job.retryLimit });
  });
  let failing = false;
  const timer = setInterval(() => {
    enqueueWebhookDeliveries(boss)
      .then(() => {
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing) logger.error({ err: error }, "webhook dispatch failed (retrying)");
        failing = true;
      });
  }, options.intervalMs ?? 2000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
