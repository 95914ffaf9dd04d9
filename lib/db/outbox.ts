import "server-only";
import { prisma } from "./client";
import { tenant, type TenantContext } from "./tenant";

/** The organisation's outgoing mail, newest first: what went out, what waits, what failed. */
export async function listOutbox(ctx: TenantContext, page: number, pageSize = 25) {
  const where = tenant(ctx);
  const [rows, total] = await prisma.$transaction([
    prisma.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.outboxEmail.count({ where }),
  ]);
  return { rows, total };
}

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/**
 * Sends waiting mail through SMTP. Rows are claimed with FOR UPDATE SKIP LOCKED inside the
 * transaction that marks them sent, so two workers never send the same message. A failure is
 * recorded on the row (and not retried automatically: an admin sees it in the outbox).
 */
export async function deliverOutbox(transport: MailTransport, from: string, batch = 20) {
  let sent = 0;
  for (;;) {
    const done = await prisma.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Array<{ id: string; to: string; subject: string; body: string }>>`
          SELECT "id", "to", "subject", "body" FROM "OutboxEmail"
          WHERE "sentAt" IS NULL AND "error" IS NULL
          ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
        for (const row of rows) {
          try {
            await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.body });
            await tx.outboxEmail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
            sent++;
          } catch (error) {
            await tx.outboxEmail.update({ where: { id: row.id }, data: { error: error instanceof Error ? error.message.slice(0, 500) : "send failed" } });
          }
        }
        return rows.length < batch;
      },
      { timeout: 120_000 },
    );
    if (done) return sent;
  }
}
