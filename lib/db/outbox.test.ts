import { describe, expect, it } from "vitest";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { prisma } from "./prisma-client";
import { deliverOutbox, type MailTransport } from "./outbox";

type Sent = { to: string; messageId?: string };

/** Mail for one organisation, addressed so this file's rows are easy to tell apart. */
async function queue(organizationId: string, tag: string, n: number) {
  await prisma.outboxEmail.createMany({ data: Array.from({ length: n }, (_, i) => ({ organizationId, to: `${tag}-${i}@crash.example`, subject: `Reminder ${i}`, body: "Body" })) });
}

describe("outbox delivery: claim → send → mark", () => {
  it("a worker that dies after sending the 3rd of a batch of 10 causes exactly one resend, with the same Message-ID", async () => {
    const org = await createTestOrganization("Outbox crash");
    const tag = `c${Date.now()}`;
    await queue(org.organizationId, tag, 10);
    const sent: Sent[] = [];
    const mine = () => sent.filter((m) => m.to.startsWith(tag));

    // The SMTP server accepts the 3rd message, then the process "dies" before the mark: the
    // promise never settles, exactly like a kill -9 while waiting for the reply.
    let count = 0;
    const dying: MailTransport = {
      sendMail: (m) => {
        if (!m.to.startsWith(tag)) return Promise.resolve();
        sent.push({ to: m.to, messageId: m.messageId });
        count++;
        return count === 3 ? new Promise(() => {}) : Promise.resolve();
      },
    };
    void deliverOutbox(dying, "Vetta <vetta@test.example>", { batch: 10, publicUrl: "https://vetta.example", organizationId: org.organizationId });
    await expect.poll(() => mine().length).toBe(3);
    // Nothing was held in a transaction: the two sent before the crash are already marked.
    expect(await prisma.outboxEmail.count({ where: { organizationId: org.organizationId, sentAt: { not: null } } })).toBe(2);

    // A fresh worker right away does not touch the dead worker's claimed rows…
    const healthy: MailTransport = {
      sendMail: async (m) => {
        if (m.to.startsWith(tag)) sent.push({ to: m.to, messageId: m.messageId });
      },
    };
    await deliverOutbox(healthy, "Vetta <vetta@test.example>", { publicUrl: "https://vetta.example", organizationId: org.organizationId });
    expect(mine()).toHaveLength(3);
    // …but once the lease has passed it sends them, the crashed one again.
    await prisma.outboxEmail.updateMany({ where: { organizationId: org.organizationId, sentAt: null }, data: { claimedAt: new Date(Date.now() - 3_600_000) } });
    await deliverOutbox(healthy, "Vetta <vetta@test.example>", { publicUrl: "https://vetta.example", organizationId: org.organizationId });

    const byTo = new Map<string, Sent[]>();
    for (const m of mine()) byTo.set(m.to, [...(byTo.get(m.to) ?? []), m]);
    expect(byTo.size).toBe(10);
    const twice = [...byTo.values()].filter((list) => list.length > 1);
    expect(twice).toHaveLength(1);
    expect(twice[0]![0]!.to).toBe(sent[2]!.to);
    expect(twice[0]![0]!.messageId).toBe(twice[0]![1]!.messageId);
    expect(twice[0]![0]!.messageId).toMatch(/^<outbox\.[^@]+@vetta\.example>$/);
    expect(new Set(mine().map((m) => m.messageId)).size).toBe(10);
    expect(await prisma.outboxEmail.count({ where: { organizationId: org.organizationId, sentAt: null } })).toBe(0);
  });

  it("40 workers at once send each message once", async () => {
    const org = await createTestOrganization("Outbox burst");
    const tag = `b${Date.now()}`;
    await queue(org.organizationId, tag, 60);
    const sent: string[] = [];
    const transport: MailTransport = {
      sendMail: async (m) => {
        if (m.to.startsWith(tag)) sent.push(m.to);
      },
    };
    await Promise.all(Array.from({ length: 40 }, () => deliverOutbox(transport, "Vetta <vetta@test.example>", { batch: 5, organizationId: org.organizationId })));
    expect(sent).toHaveLength(60);
    expect(new Set(sent).size).toBe(60);
  });

  it("a refused message is recorded on its row and not retried", async () => {
    const org = await createTestOrganization("Outbox refused");
    const tag = `r${Date.now()}`;
    await queue(org.organizationId, tag, 2);
    const refusing: MailTransport = {
      sendMail: async (m) => {
        if (m.to === `${tag}-1@crash.example`) throw new Error("550 mailbox unavailable");
      },
    };
    await deliverOutbox(refusing, "Vetta <vetta@test.example>", { organizationId: org.organizationId });
    const rows = await prisma.outboxEmail.findMany({ where: { organizationId: org.organizationId }, orderBy: { to: "asc" } });
    expect(rows.map((r) => [r.sentAt !== null, r.error])).toEqual([[true, null], [false, "550 mailbox unavailable"]]);
  });
});
