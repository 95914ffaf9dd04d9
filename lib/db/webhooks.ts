import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { TEST_EVENT, WEBHOOK_DISABLE_AFTER, type WebhookEvent } from "@/lib/domain/webhooks/events";
import { serverEnv } from "@/lib/config/server-env";
import { AppError, notFound } from "@/lib/errors/app-error";
import { openSecret, sealSecret } from "@/lib/files/sealed-secret";
import type { WebhookEndpointInput } from "@/lib/validation/webhook";
import { webhookTargetProblem } from "@/lib/webhooks/send-webhook";
import { recordAudit, withAudit } from "./audit";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

const endpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  consecutiveFailures: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

/** Registers an endpoint; its signing secret is returned once (and kept sealed, to sign with). */
export async function createWebhookEndpoint(ctx: TenantContext, input: WebhookEndpointInput) {
  const problem = await webhookTargetProblem(input.url, serverEnv.webhookAllowPrivate());
  if (problem) throw new AppError("VALIDATION", problem, { url: problem });
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const endpoint = await withAudit(
    ctx,
    (tx) => tx.webhookEndpoint.create({ data: { organizationId: ctx.organizationId, url: input.url, description: input.description, events: input.events, secretSealed: sealSecret(secret), createdById: ctx.userId }, select: endpointSelect }),
    (row) => ({ action: "webhook.create", entityType: "WebhookEndpoint", entityId: row.id, summary: { after: { url: input.url, events: input.events } } }),
  );
  return { ...endpoint, secret };
}

export async function listWebhookEndpoints(ctx: TenantContext) {
  return prisma.webhookEndpoint.findMany({ where: inTenant(ctx), orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 100, select: endpointSelect });
}

/** An endpoint with its latest deliveries (the log an admin reads), newest first. */
export async function getWebhookEndpoint(ctx: TenantContext, id: string, take = 50) {
  const endpoint = await prisma.webhookEndpoint.findFirst({
    where: inTenant(ctx, { id }),
    select: {
      ...endpointSelect,
      deliveries: { orderBy: [{ createdAt: "desc" }, { id: "asc" }], take, select: { id: true, eventType: true, eventId: true, status: true, attempts: true, lastStatusCode: true, lastError: true, lastAttemptAt: true, deliveredAt: true, createdAt: true } },
    },
  });
  if (!endpoint) throw notFound("webhook");
  return endpoint;
}

async function endpointInTenant(ctx: TenantContext, id: string) {
  const endpoint = await prisma.webhookEndpoint.findFirst({ where: inTenant(ctx, { id }), select: { id: true, url: true } });
  if (!endpoint) throw notFound("webhook");
  return endpoint;
}

/** Turning an endpoint back on clears its failure count: it starts afresh. */
export async function setWebhookEndpointEnabled(ctx: TenantContext, id: string, enabled: boolean) {
  const endpoint = await endpointInTenant(ctx, id);
  await withAudit(
    ctx,
    (tx) => tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: enabled ? { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 } : { enabled: false, disabledAt: new Date(), disabledReason: "Disabled by an admin." } }),
    () => ({ action: enabled ? "webhook.enable" : "webhook.disable", entityType: "WebhookEndpoint", entityId: id, summary: { url: endpoint.url } }),
  );
}

export async function deleteWebhookEndpoint(ctx: TenantContext, id: string) {
  const endpoint = await endpointInTenant(ctx, id);
  await withAudit(
    ctx,
    (tx) => tx.webhookEndpoint.delete({ where: { id: endpoint.id } }),
    () => ({ action: "webhook.delete", entityType: "WebhookEndpoint", entityId: id, summary: { url: endpoint.url } }),
  );
}

/** The body every delivery of an event carries (the same event id for every endpoint). */
const payloadOf = (eventId: string, type: string, organizationId: string, data: Record<string, unknown>, now: Date) =>
  JSON.parse(JSON.stringify({ id: eventId, type, createdAt: now.toISOString(), organizationId, data })) as Prisma.InputJsonObject;

/** "Send test event": one ping to this endpoint, whatever it subscribes to, even when disabled. */
export async function sendTestWebhookEvent(ctx: TenantContext, id: string, now = new Date()) {
  const endpoint = await endpointInTenant(ctx, id);
  const eventId = `evt_${randomUUID()}`;
  return prisma.webhookDelivery.create({
    data: { organizationId: ctx.organizationId, endpointId: endpoint.id, eventId, eventType: TEST_EVENT, payload: payloadOf(eventId, TEST_EVENT, ctx.organizationId, { message: "A test event from Vetta." }, now) },
    select: { id: true },
  });
}

/**
 * Records an event for every enabled endpoint of the organisation that subscribes to it, inside
 * the caller's transaction: the deliveries exist exactly when the change that caused them
 * committed. The worker hands them to pg-boss within seconds (lib/jobs/webhook-jobs.ts).
 */
export async function emitWebhookEvent(tx: Tx, organizationId: string, type: WebhookEvent, data: Record<string, unknown>, now = new Date()) {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { organizationId, enabled: true, events: { has: type } }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  const eventId = `evt_${randomUUID()}`;
  const payload = payloadOf(eventId, type, organizationId, data, now);
  const created = await tx.webhookDelivery.createMany({ data: endpoints.map((e) => ({ organizationId, endpointId: e.id, eventId, eventType: type, payload })) });
  return created.count;
}

/**
 * Claims deliveries to hand to the job queue: new ones, and pending ones whose job went missing
 * (enqueued an hour ago and still pending). SKIP LOCKED lets several workers claim side by side
 * without taking the same row; the job's singleton key stops a double send of one still queued.
 */
export async function claimDeliveriesToEnqueue(limit = 100, now = new Date()) {
  const stale = new Date(now.getTime() - 60 * 60_000);
  return prisma.$queryRaw<Array<{ id: string }>>`
    UPDATE "WebhookDelivery" SET "enqueuedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "WebhookDelivery"
      WHERE "status" = 'PENDING' AND ("enqueuedAt" IS NULL OR "enqueuedAt" < ${stale})
      ORDER BY "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
}

/** What an attempt needs: the endpoint's address and (opened) secret, while still pending. */
export async function deliveryToAttempt(id: string) {
  const delivery = await prisma.webhookDelivery.findUnique({
    where: { id },
    select: { id: true, eventId: true, eventType: true, payload: true, status: true, endpoint: { select: { id: true, url: true, enabled: true, secretSealed: true } } },
  });
  if (!delivery || delivery.status !== "PENDING") return null;
  // Tests go to a disabled endpoint too: the admin asked for that one delivery.
  if (!delivery.endpoint.enabled && delivery.eventType !== TEST_EVENT) return null;
  return { ...delivery, endpoint: { id: delivery.endpoint.id, url: delivery.endpoint.url, secret: openSecret(delivery.endpoint.secretSealed, "webhook secret") } };
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Records one attempt. A success ends the delivery and resets the endpoint's failure count. A
 * failure on the last attempt gives the delivery up and counts against the endpoint; at
 * WEBHOOK_DISABLE_AFTER in a row the endpoint is disabled, and its organisation's admins get a
 * notification and an e-mail, in the same transaction (so once).
 */
export async function recordDeliveryAttempt(id: string, outcome: AttemptOutcome, options: { final: boolean }, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        lastAttemptAt: now,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        ...(outcome.ok ? { status: "SUCCEEDED" as const, deliveredAt: now } : options.final ? { status: "FAILED" as const } : {}),
      },
      select: { organizationId: true, endpointId: true, eventType: true },
    });
    if (delivery.eventType === TEST_EVENT) return { disabled: false };
    if (outcome.ok) {
      await tx.webhookEndpoint.update({ where: { id: delivery.endpointId }, data: { consecutiveFailures: 0 } });
      return { disabled: false };
    }
    if (!options.final) return { disabled: false };
    const [endpoint] = await tx.$queryRaw<Array<{ consecutiveFailures: number; enabled: boolean; url: string }>>`
      UPDATE "WebhookEndpoint" SET "consecutiveFailures" = "consecutiveFailures" + 1, "updatedAt" = ${now}
      WHERE "id" = ${delivery.endpointId} RETURNING "consecutiveFailures", "enabled", "url"`;
    if (!endpoint || !endpoint.enabled || endpoint.consecutiveFailures < WEBHOOK_DISABLE_AFTER) return { disabled: false };
    const reason = `Disabled after ${endpoint.consecutiveFailures} deliveries in a row failed (last: ${outcome.error ?? "no answer"}).`;
    await tx.webhookEndpoint.update({ where: { id: delivery.endpointId }, data: { enabled: false, disabledAt: now, disabledReason: reason } });
    const admins = await tx.membership.findMany({ where: { organizationId: delivery.organizationId, role: "ADMIN", user: { deactivatedAt: null } }, select: { userId: true, user: { select: { email: true } } } });
    const title = `Webhook disabled: ${endpoint.url}`;
    const link = `/settings/webhooks/${delivery.endpointId}`;
    if (admins.length) {
      await tx.notification.createMany({ data: admins.map((a) => ({ organizationId: delivery.organizationId, userId: a.userId, kind: "webhook.disabled", title, body: reason, link })) });
      await tx.outboxEmail.createMany({ data: admins.map((a) => ({ organizationId: delivery.organizationId, to: a.user.email, subject: `[Vetta] ${title}`, body: `${reason}\nFix the receiver, then turn the webhook back on under Settings → Webhooks.\n` })) });
    }
    await recordAudit(tx, { organizationId: delivery.organizationId, userId: "", actorLabel: "system: webhooks", ip: null }, { action: "webhook.auto-disable", entityType: "WebhookEndpoint", entityId: delivery.endpointId, summary: { reason } });
    return { disabled: true };
  });
}
