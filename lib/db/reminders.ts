import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { addDays, toDateColumn } from "@/lib/domain/dates/calendar-date";
import { dueInWords, reminderThreshold, RENEWAL_KIND_LABELS, type ReminderThreshold } from "@/lib/domain/renewals/renewal-schedule";
import { webhookEventForReminder } from "@/lib/domain/webhooks/events";
import { recordAudit } from "./audit";
import { prisma } from "./prisma-client";
import { collectRenewalItems, type RenewalItem } from "./renewals";
import { todayFor, type TenantContext } from "./tenant";
import { emitWebhookEvent } from "./webhooks";
import { sendVendorRequestReminders } from "./vendor-request-reminders";

const COMPLIANCE_KINDS = new Set(["APPROVAL_VALID_UNTIL", "APPROVAL_SUSPENDED", "CONDITION_DUE", "EXCEPTION_EXPIRY", "REVIEW_DUE"]);

/** Who hears about an item: its owner, and the compliance officers for approval dates; admins when nobody else would. */
function recipientsFor(item: RenewalItem, members: Array<{ userId: string; role: string; email: string }>) {
  const ids = new Set<string>();
  if (item.ownerId && members.some((m) => m.userId === item.ownerId && m.role !== "CLIENT_VIEWER")) ids.add(item.ownerId);
  if (COMPLIANCE_KINDS.has(item.kind)) for (const m of members) if (m.role === "COMPLIANCE_OFFICER") ids.add(m.userId);
  if (ids.size === 0) for (const m of members) if (m.role === "ADMIN") ids.add(m.userId);
  return members.filter((m) => ids.has(m.userId));
}

function subjectFor(item: RenewalItem, threshold: ReminderThreshold, today: string) {
  const when = threshold === "OVERDUE" ? "OVERDUE" : dueInWords(item.dueOn, today);
  return `${RENEWAL_KIND_LABELS[item.kind]} ${when}: ${item.productName ?? item.title}${item.clientName ? ` for ${item.clientName}` : ""}`;
}

/**
 * SECURITY-CRITICAL (exactly once). Sends the reminders an organisation's items have reached
 * today: one per item, due date and threshold (60, 30, 7 days, overdue). The ReminderDelivery row,
 * the in-app notifications, the e-mails (into the outbox) and the audit event commit together, and
 * the delivery's unique key makes a second worker's insert a no-op, however many run at once.
 * Returns how many reminders this call sent.
 */
export async function sendDueReminders(organizationId: string, now = new Date()) {
  // Reminders follow the organisation's calendar: the hourly run picks up its new day within the hour.
  const { timeZone } = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true } });
  const system: TenantContext = { organizationId, userId: "", role: "ADMIN", clientId: null, actorLabel: "system: reminders", ip: null, timeZone };
  const today = todayFor(system, now);
  const items = await collectRenewalItems(system, { until: addDays(today, 60) });
  const members = (
    await prisma.membership.findMany({ where: { organizationId, user: { deactivatedAt: null } }, select: { userId: true, role: true, user: { select: { email: true } } } })
  ).map((m) => ({ userId: m.userId, role: m.role, email: m.user.email }));
  const baseUrl = serverEnv.publicUrl();
  let sent = 0;
  for (const item of items) {
    const threshold = reminderThreshold(item.dueOn, today, item.kind);
    if (!threshold) continue;
    const recipients = recipientsFor(item, members);
    const subject = subjectFor(item, threshold, today);
    const body = [`${item.title} — ${item.dueOn} (${dueInWords(item.dueOn, today)}).`, item.detail, item.action].filter(Boolean).join("\n");
    const delivered = await prisma.$transaction(async (tx) => {
      const inserted = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "ReminderDelivery" ("id", "organizationId", "itemKind", "itemId", "dueOn", "threshold", "sentAt")
        VALUES (gen_random_uuid()::text, ${organizationId}, ${item.kind}, ${item.itemId}, ${toDateColumn(item.dueOn)}::date, ${threshold}, now())
        ON CONFLICT ("organizationId", "itemKind", "itemId", "dueOn", "threshold") DO NOTHING
        RETURNING "id"`;
      if (inserted.length === 0) return false;
      if (recipients.length) {
        await tx.notification.createMany({ data: recipients.map((r) => ({ organizationId, userId: r.userId, kind: `reminder.${threshold.toLowerCase()}`, title: subject, body, link: item.href })) });
        await tx.outboxEmail.createMany({ data: recipients.map((r) => ({ organizationId, to: r.email, subject: `[Vetta] ${subject}`, body: `${body}\n\nOpen it: ${baseUrl}${item.href}\n` })) });
      }
      const event = webhookEventForReminder(item.kind, threshold);
      if (event) await emitWebhookEvent(tx, organizationId, event, { kind: item.kind, itemId: item.itemId, dueOn: item.dueOn, title: item.title, productId: item.productId, clientId: item.clientId, threshold });
      await recordAudit(tx, system, { action: "reminder.send", entityType: item.kind, entityId: item.itemId, summary: { after: { dueOn: item.dueOn, threshold, recipients: recipients.map((r) => r.email) } } });
      return true;
    });
    if (delivered) sent++;
  }
  // Questionnaires out with vendors: 7 and 1 days before and overdue, to the contact and the owner.
  sent += await sendVendorRequestReminders(organizationId, now);
  return sent;
}

/** Every organisation's due reminders: what the scheduled job runs. */
export async function sendAllDueReminders(now = new Date()) {
  const organizations = await prisma.organization.findMany({ select: { id: true } });
  let sent = 0;
  for (const o of organizations) sent += await sendDueReminders(o.id, now);
  return sent;
}
