import "server-only";
import { prisma } from "./prisma-client";
import { tenant, type TenantContext } from "./tenant";

/** The organisation's outgoing mail, newest first: what went out, what waits, what failed. */
export async function listOutbox(ctx: TenantContext, page: number, pageSize = 25, filter: { failedOnly?: boolean } = {}) {
  // Failed: an error recorded and not sent since (the admin home counts the same rows).
  const where = { ...(filter.failedOnly ? { sentAt: null, error: { not: null } } : {}), ...tenant(ctx) };
  const [rows, total] = await prisma.$transaction([
    prisma.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.outboxEmail.count({ where }),
  ]);
  // A reset link lets whoever holds it set the person's password: only its recipient may see it.
  return { rows: rows.map((row) => ({ ...row, body: row.body.replace(/\/reset-password\/[A-Za-z0-9_-]+/g, "/reset-password/[hidden: only the recipient can use this link]") })), total };
}

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; messageId?: string }): Promise<unknown>;
}

/** A claim older than this belongs to a worker that died mid-batch; its rows are sent again. */
export const CLAIM_LEASE_SECONDS = 300;
/** A row claimed this many times without being marked (crash after crash) is left for an admin. */
const MAX_ATTEMPTS = 5;

/** The same for every attempt at one row, so a resend after a crash is a duplicate mail systems drop. */
export function outboxMessageId(id: string, publicUrl: string) {
  let host = "vetta.localhost";
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep the fallback host
  }
  return `<outbox.${id}@${host}>`;
}

/**
 * Sends waiting mail through SMTP: claim → send → mark, each step its own short statement and
 * never a transaction held open across the network. A batch is claimed at once (FOR UPDATE SKIP
 * LOCKED, so two workers never take the same rows), then each message is sent and immediately
 * marked sent. A crash between a send and its mark sends that one message again after the lease,
 * with the same Message-ID; rows claimed but not yet sent simply wait for the lease. A failure is
 * recorded on the row (not retried automatically: an admin sees it in the outbox).
 */
export async function deliverOutbox(
  transport: MailTransport,
  from: string,
  options: { batch?: number; publicUrl?: string; leaseSeconds?: number; /** one organisation's mail only (tests run side by side) */ organizationId?: string } = {},
) {
  const batch = options.batch ?? 20;
  const lease = options.leaseSeconds ?? CLAIM_LEASE_SECONDS;
  const publicUrl = options.publicUrl ?? "http://localhost";
  let sent = 0;
  for (;;) {
    const rows = await prisma.$queryRaw<Array<{ id: string; to: string; subject: string; body: string }>>`
      UPDATE "OutboxEmail" SET "claimedAt" = now(), "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "OutboxEmail"
        WHERE "sentAt" IS NULL AND "error" IS NULL AND "attempts" < ${MAX_ATTEMPTS}
          AND (${options.organizationId ?? null}::text IS NULL OR "organizationId" = ${options.organizationId ?? null})
          AND ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${lease}))
        ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
      RETURNING "id", "to", "subject", "body"`;
    for (const row of rows) {
      try {
        await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.body, messageId: outboxMessageId(row.id, publicUrl) });
      } catch (error) {
        await prisma.outboxEmail.update({ where: { id: row.id }, data: { error: error instanceof Error ? error.message.slice(0, 500) : "send failed" } });
        continue;
      }
      await prisma.outboxEmail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
      sent++;
    }
    if (rows.length < batch) return sent;
  }
}
