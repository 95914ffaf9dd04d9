import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { addDays, calendarDateOfColumn, toDateColumn } from "@/lib/domain/dates/calendar-date";
import { dueInWords } from "@/lib/domain/renewals/renewal-schedule";
import { vendorReminderThreshold } from "@/lib/domain/vendor-requests/vendor-request-rules";
import { recordAudit } from "./audit";
import { prisma } from "./prisma-client";
import { todayFor, type TenantContext } from "./tenant";

const WORDS = { "7_DAYS": "due in a week", "1_DAY": "due tomorrow or today", OVERDUE: "overdue" } as const;

/**
 * SECURITY-CRITICAL (exactly once). Reminders for questionnaires still with the vendor: 7 days
 * and 1 day before the due date and once overdue, to the vendor contact and the request's owner.
 * The same machinery as every other reminder (lib/db/reminders.ts): a ReminderDelivery row whose
 * unique key (item, due date, threshold) makes a second worker's insert a no-op, committed together
 * with the e-mails, the owner's notification and the audit event. The vendor's mail cannot carry the
 * link (only its hash is kept): it points to the first e-mail.
 */
export async function sendVendorRequestReminders(organizationId: string, now = new Date()) {
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, timeZone: true } });
  const system: TenantContext = { organizationId, userId: "", role: "ADMIN", clientId: null, actorLabel: "system: reminders", ip: null, timeZone: organization.timeZone };
  const today = todayFor(system, now);
  const requests = await prisma.vendorQuestionnaireRequest.findMany({
    where: { organizationId, status: { in: ["OPEN", "RETURNED"] }, revokedAt: null, expiresAt: { gt: now }, dueOn: { lte: toDateColumn(addDays(today, 7)) } },
    select: { id: true, dueOn: true, contactName: true, contactEmail: true, ownerId: true, expiresAt: true, product: { select: { name: true, vendor: { select: { name: true } } } } },
  });
  const owners = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set(requests.map((r) => r.ownerId))] }, deactivatedAt: null, memberships: { some: { organizationId } } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]),
  );
  let sent = 0;
  for (const request of requests) {
    const dueOn = calendarDateOfColumn(request.dueOn);
    const threshold = vendorReminderThreshold(dueOn, today);
    if (!threshold) continue;
    const what = `Questionnaire about ${request.product.vendor.name} ${request.product.name} ${threshold === "OVERDUE" ? "OVERDUE" : dueInWords(dueOn, today)}`;
    const ownerEmail = owners.get(request.ownerId);
    const delivered = await prisma.$transaction(async (tx) => {
      const inserted = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "ReminderDelivery" ("id", "organizationId", "itemKind", "itemId", "dueOn", "threshold", "sentAt")
        VALUES (gen_random_uuid()::text, ${organizationId}, 'VENDOR_REQUEST', ${request.id}, ${request.dueOn}::date, ${threshold}, now())
        ON CONFLICT ("organizationId", "itemKind", "itemId", "dueOn", "threshold") DO NOTHING
        RETURNING "id"`;
      if (inserted.length === 0) return false;
      await tx.outboxEmail.create({
        data: {
          organizationId,
          to: request.contactEmail,
          subject: `[Vetta] ${organization.name}: ${what}`,
          body: `Hello ${request.contactName},\n\nA reminder from ${organization.name}: the questionnaire about ${request.product.name} is ${WORDS[threshold]} (due ${dueOn}). Open the link from the first e-mail; your answers so far are kept. It works until ${request.expiresAt.toISOString().slice(0, 10)}.\n`,
        },
      });
      if (ownerEmail) {
        const body = `${request.contactName} (${request.contactEmail}) has not sent the answers yet; due ${dueOn}.`;
        await tx.notification.create({ data: { organizationId, userId: request.ownerId, kind: `reminder.${threshold.toLowerCase()}`, title: what, body, link: `/vendor-requests/${request.id}` } });
        await tx.outboxEmail.create({ data: { organizationId, to: ownerEmail, subject: `[Vetta] ${what}`, body: `${body}\n\nOpen it: ${serverEnv.publicUrl()}/vendor-requests/${request.id}\n` } });
      }
      await recordAudit(tx, system, { action: "reminder.send", entityType: "VENDOR_REQUEST", entityId: request.id, summary: { after: { dueOn, threshold, recipients: [request.contactEmail, ...(ownerEmail ? [ownerEmail] : [])] } } });
      return true;
    });
    if (delivered) sent++;
  }
  return sent;
}
