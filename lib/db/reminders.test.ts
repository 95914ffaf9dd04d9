import ical from "node-ical";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { addDays, calendarDateOf } from "@/lib/domain/dates/calendar-date";
import { certificationInput, dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { REMINDER_QUEUE, startJobWorker } from "@/lib/jobs/reminder-jobs";
import { calendarFeedForToken, createCalendarFeedToken, revokeCalendarFeedTokens } from "./calendar-feeds";
import { createCertification } from "./certifications";
import { prisma } from "./prisma-client";
import { createDpa } from "./dpas";
import { markNotificationsRead, notificationsForBell } from "./notifications";
import { deliverOutbox } from "./outbox";
import { createProduct } from "./products";
import { sendDueReminders } from "./reminders";
import { renewalBuckets } from "./renewals";
import { createVendor } from "./vendors";

const today = calendarDateOf(new Date());

/** A product owned by the account manager with a DPA due in 5 days, certificates due in 20 days and expired yesterday, and one due in 100 days. */
async function register(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  const v = await createVendor(me, { name: `Vendor ${Math.random()}`, website: null, description: null });
  const p = await createProduct(me, productInput.parse({ vendorId: v.id, name: "Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
  await createDpa(me, dpaInput.parse({ productId: p.id, title: "DPA", signedAt: addDays(today, -300), expiresAt: addDays(today, 5), transferMechanism: "NONE", isCurrent: true, clauses: [] }));
  await createCertification(me, certificationInput.parse({ productId: p.id, type: "SOC2_TYPE_II", issuer: "A-LIGN", issuedAt: addDays(today, -345), expiresAt: addDays(today, 20) }));
  await createCertification(me, certificationInput.parse({ productId: p.id, type: "ISO_27001", issuer: "BSI", issuedAt: addDays(today, -1000), expiresAt: addDays(today, -1) }));
  await createCertification(me, certificationInput.parse({ productId: p.id, type: "ISO_42001", issuer: "BSI", issuedAt: addDays(today, -900), expiresAt: addDays(today, 100) }));
  return p.id;
}

describe("renewals and reminders", () => {
  it("buckets every tracked date: overdue, then within 7 / 30 / 60 / 90 days, filtered by kind", async () => {
    const org = await createTestOrganization("Renewals");
    const productId = await register(org);
    const { buckets } = await renewalBuckets(org.as.ADMIN, {});
    expect(buckets.get("OVERDUE")?.map((i) => i.title)).toEqual(["ISO 27001 expires"]);
    expect(buckets.get("DUE_7")?.map((i) => [i.kind, i.title, i.href])).toEqual([["DPA_EXPIRY", 'DPA "DPA" expires', expect.stringMatching(`/products/${productId}/dpas/`)]]);
    expect(buckets.get("DUE_30")?.map((i) => i.title)).toEqual(["SOC 2 Type II expires"]);
    expect(buckets.get("DUE_60")).toBeUndefined();
    const onlyDpas = await renewalBuckets(org.as.ADMIN, { kind: "DPA_EXPIRY" });
    expect([...onlyDpas.buckets.values()].flat()).toHaveLength(1);
  });

  it("sends each reminder exactly once, however many workers run the schedule at the same time", async () => {
    const org = await createTestOrganization("Reminders");
    await register(org);
    // Five concurrent runs of the same day's cycle for this organisation.
    const sent = await Promise.all(Array.from({ length: 5 }, () => sendDueReminders(org.organizationId)));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(3);

    // And two pg-boss workers on the same queue, each fed jobs at once: nothing more goes out.
    const databaseUrl = process.env.DATABASE_URL!;
    const [a, b] = await Promise.all([startJobWorker({ databaseUrl, cron: "0 0 1 1 *" }), startJobWorker({ databaseUrl, cron: "0 0 1 1 *" })]);
    try {
      await Promise.all([...Array(4)].flatMap(() => [a.send(REMINDER_QUEUE, {}), b.send(REMINDER_QUEUE, {})]));
      const waiting = async () => (await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${REMINDER_QUEUE} AND state IN ('created', 'retry', 'active')`)[0]!.n;
      // Each cycle walks every organisation in the shared test database: give a loaded machine time.
      await expect.poll(waiting, { timeout: 120_000, interval: 250 }).toBe(0);
      const completed = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${REMINDER_QUEUE} AND state = 'completed'`;
      expect(completed[0]!.n).toBeGreaterThanOrEqual(8);
    } finally {
      await Promise.all([a.stop({ graceful: true, timeout: 5000 }), b.stop({ graceful: true, timeout: 5000 })]);
    }
    const deliveries = await prisma.reminderDelivery.findMany({ where: { organizationId: org.organizationId }, orderBy: { threshold: "asc" } });
    expect(deliveries.map((d) => [d.itemKind, d.threshold])).toEqual(
      expect.arrayContaining([
        ["CERTIFICATION_EXPIRY", "30_DAYS"],
        ["DPA_EXPIRY", "7_DAYS"],
        ["CERTIFICATION_EXPIRY", "OVERDUE"],
      ]),
    );
    expect(deliveries).toHaveLength(3);
    // The owner (the account manager) got one notification and one e-mail per reminder.
    const bell = await notificationsForBell(org.as.ACCOUNT_MANAGER);
    expect(bell.unread).toBe(3);
    expect(bell.items.map((n) => n.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^DPA expiry due in 5 days: /), expect.stringMatching(/^Certification expiry OVERDUE: /)]));
    expect(await prisma.outboxEmail.count({ where: { organizationId: org.organizationId } })).toBe(3);
    // Nobody else's bell rings, and marking read only touches one's own.
    expect((await notificationsForBell(org.as.COMPLIANCE_OFFICER)).unread).toBe(0);
    expect(await markNotificationsRead(org.as.COMPLIANCE_OFFICER, bell.items[0]!.id)).toBe(0);
    expect(await markNotificationsRead(org.as.ACCOUNT_MANAGER, bell.items[0]!.id)).toBe(1);
    expect(await markNotificationsRead(org.as.ACCOUNT_MANAGER, "all")).toBe(2);
  }, 180_000);

  it("mails the outbox through SMTP once, and records failures on the row", async () => {
    const org = await createTestOrganization("Outbox");
    await prisma.outboxEmail.createMany({ data: [1, 2].map((i) => ({ organizationId: org.organizationId, to: `person${i}@test.example`, subject: `Reminder ${i}`, body: "Body" })) });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sentTo: string[] = [];
    const recording = { sendMail: async (m: { from: string; to: string; subject: string; text: string }) => { sentTo.push(m.to); return transport.sendMail(m); } };
    await Promise.all([deliverOutbox(recording, "Vetta <vetta@test.example>", { organizationId: org.organizationId }), deliverOutbox(recording, "Vetta <vetta@test.example>", { organizationId: org.organizationId })]);
    const mine = sentTo.filter((to) => to.endsWith("@test.example") && to.startsWith("person"));
    expect(mine.sort()).toEqual(expect.arrayContaining(["person1@test.example", "person2@test.example"]));
    expect(new Set(mine).size).toBe(mine.length);
    expect(await prisma.outboxEmail.count({ where: { organizationId: org.organizationId, sentAt: null } })).toBe(0);
  });

  it("serves a private ICS feed of the dates a user owns, which parses and stops when revoked", async () => {
    const org = await createTestOrganization("Calendar");
    await register(org);
    const token = await createCalendarFeedToken(org.as.ACCOUNT_MANAGER);
    const ics = await calendarFeedForToken(token, "https://vetta.example");
    const events = Object.values(ical.sync.parseICS(ics!)).filter((c) => c?.type === "VEVENT") as ical.VEvent[];
    const summary = (e: ical.VEvent) => String(typeof e.summary === "string" ? e.summary : e.summary?.val);
    expect(events.map((e) => summary(e).split(":")[0]).sort()).toEqual(["Certification expiry", "Certification expiry", "Certification expiry", "DPA expiry"]);
    const dpa = events.find((e) => summary(e).startsWith("DPA expiry"))!;
    expect([dpa.start.getFullYear(), dpa.start.getMonth() + 1, dpa.start.getDate()].map((n) => String(n).padStart(2, "0")).join("-")).toBe(addDays(today, 5));
    expect(String(dpa.url)).toMatch(/^https:\/\/vetta\.example\/products\//);
    // Only the owner's dates: the compliance officer owns none of these.
    const theirs = await calendarFeedForToken(await createCalendarFeedToken(org.as.COMPLIANCE_OFFICER), "https://vetta.example");
    expect(Object.values(ical.sync.parseICS(theirs!)).filter((c) => c?.type === "VEVENT")).toHaveLength(0);
    await revokeCalendarFeedTokens(org.as.ACCOUNT_MANAGER);
    expect(await calendarFeedForToken(token, "https://vetta.example")).toBeNull();
    expect(await calendarFeedForToken("not-a-token", "https://vetta.example")).toBeNull();
    expect(await prisma.calendarFeedToken.count({ where: { tokenHash: token } })).toBe(0);
  });
});
