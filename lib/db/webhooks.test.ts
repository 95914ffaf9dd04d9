import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_DISABLE_AFTER } from "@/lib/domain/webhooks/events";
import { verifySignature } from "@/lib/domain/webhooks/signature";
import { attemptWebhookDelivery, startWebhookWorker } from "@/lib/jobs/webhook-jobs";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { webhookTargetProblem } from "@/lib/webhooks/send-webhook";
import { prisma } from "./prisma-client";
import { createReport } from "./reports";
import { createShareLink } from "./share-links";
import { createWebhookEndpoint, emitWebhookEvent, getWebhookEndpoint, sendTestWebhookEvent, setWebhookEndpointEnabled } from "./webhooks";

type Received = { headers: IncomingHttpHeaders; body: string; path: string };

/** A real HTTP receiver on loopback: records what arrives, answers with the status asked for. */
function receiver() {
  const received: Received[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body, path: req.url ?? "" });
      res.statusCode = status;
      res.end("ok");
    });
  });
  return {
    received,
    answer: (code: number) => (status = code),
    start: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let org: TestOrganization;
const hook = receiver();
let base: string;

beforeAll(async () => {
  // The receiver listens on loopback: registration must allow it (deliveries say per attempt).
  process.env.VETTA_WEBHOOK_ALLOW_PRIVATE = "true";
  org = await createTestOrganization("Webhooks");
  base = await hook.start();
});
afterAll(() => hook.stop());

async function reportToShare(o: TestOrganization) {
  const report = await createReport(o.as.COMPLIANCE_OFFICER, { kind: "PORTFOLIO", clientId: o.clientId }, "https://vetta.example");
  return report.id;
}

describe("webhook endpoints", () => {
  it("keep their signing secret sealed, returned once", async () => {
    const made = await createWebhookEndpoint(org.as.ADMIN, { url: `${base}/sealed`, description: null, events: ["report.shared"] });
    expect(made.secret).toMatch(/^whsec_/);
    const row = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.secretSealed).not.toContain(made.secret);
    await setWebhookEndpointEnabled(org.as.ADMIN, made.id, false);
  });

  it("refuse private and loopback targets at registration unless allowed", async () => {
    process.env.VETTA_WEBHOOK_ALLOW_PRIVATE = "false";
    try {
      await expect(createWebhookEndpoint(org.as.ADMIN, { url: `${base}/refused`, description: null, events: ["report.shared"] })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { url: expect.any(String) } });
    } finally {
      process.env.VETTA_WEBHOOK_ALLOW_PRIVATE = "true";
    }
    expect(await webhookTargetProblem("http://127.0.0.1:9/x", false)).toMatch(/https/);
    expect(await webhookTargetProblem("https://127.0.0.1/x", false)).toMatch(/private or loopback/);
    expect(await webhookTargetProblem("https://169.254.169.254/latest/meta-data", false)).toMatch(/private/);
    expect(await webhookTargetProblem("https://[::1]/x", false)).toMatch(/private/);
    expect(await webhookTargetProblem("https://localhost/x", false)).toMatch(/this machine/);
    expect(await webhookTargetProblem("http://127.0.0.1:9/x", true)).toBeNull();
  });
});

describe("webhook events", () => {
  it("exist exactly when the change that caused them commits", async () => {
    const made = await createWebhookEndpoint(org.as.ADMIN, { url: `${base}/tx`, description: null, events: ["report.shared"] });
    await expect(
      prisma.$transaction(async (tx) => {
        await emitWebhookEvent(tx, org.organizationId, "report.shared", { reportId: "x" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await prisma.webhookDelivery.count({ where: { endpointId: made.id } })).toBe(0);
    // Not subscribed: nothing for it.
    const other = await createWebhookEndpoint(org.as.ADMIN, { url: `${base}/other`, description: null, events: ["decision.made"] });
    const reportId = await reportToShare(org);
    await createShareLink(org.as.ACCOUNT_MANAGER, { reportId, clientId: org.clientId, expiresAt: new Date(Date.now() + 86_400_000), passcodeHash: null });
    expect(await prisma.webhookDelivery.count({ where: { endpointId: made.id, eventType: "report.shared" } })).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { endpointId: other.id } })).toBe(0);
    for (const id of [made.id, other.id]) await setWebhookEndpointEnabled(org.as.ADMIN, id, false);
  });

  it("are delivered signed (HMAC-SHA256 over time and body), and the receiver can check them", async () => {
    const made = await createWebhookEndpoint(org.as.ADMIN, { url: `${base}/signed`, description: null, events: ["report.shared"] });
    const reportId = await reportToShare(org);
    await createShareLink(org.as.ACCOUNT_MANAGER, { reportId, clientId: org.clientId, expiresAt: new Date(Date.now() + 86_400_000), passcodeHash: null });
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: made.id } });
    const result = await attemptWebhookDelivery(delivery.id, { final: false, allowPrivate: true });
    expect(result).toMatchObject({ attempted: true, ok: true, statusCode: 200 });
    const got = hook.received.find((r) => r.path === "/signed")!;
    expect(got.headers["vetta-event"]).toBe("report.shared");
    const payload = JSON.parse(got.body) as { type: string; organizationId: string; data: { reportId: string } };
    expect(payload).toMatchObject({ type: "report.shared", organizationId: org.organizationId, data: { reportId } });
    expect(got.body).not.toMatch(/token/i);
    expect(verifySignature(made.secret, got.body, got.headers["vetta-signature"] as string, Math.floor(Date.now() / 1000))).toEqual({ ok: true });
    expect(verifySignature("whsec_wrong", got.body, got.headers["vetta-signature"] as string, Math.floor(Date.now() / 1000)).ok).toBe(false);
    const log = await getWebhookEndpoint(org.as.ADMIN, made.id);
    expect(log.deliveries[0]).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 200 });
    // Delivered once: a second attempt (a duplicate job) sends nothing.
    expect(await attemptWebhookDelivery(delivery.id, { final: false, allowPrivate: true })).toEqual({ attempted: false });
    await setWebhookEndpointEnabled(org.as.ADMIN, made.id, false);
  });

  it("retry until the last attempt, then give up; after repeated failures the endpoint is disabled and admins told", async () => {
    const failing = await createTestOrganization("Webhooks failing");
    const made = await createWebhookEndpoint(failing.as.ADMIN, { url: `${base}/failing`, description: null, events: ["report.shared"] });
    hook.answer(500);
    try {
      for (let i = 0; i < WEBHOOK_DISABLE_AFTER; i++) {
        const reportId = await reportToShare(failing);
        await createShareLink(failing.as.ACCOUNT_MANAGER, { reportId, clientId: failing.clientId, expiresAt: new Date(Date.now() + 86_400_000), passcodeHash: null });
        const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: made.id, status: "PENDING" } });
        // A failed attempt that is not the last throws, so pg-boss retries it.
        await expect(attemptWebhookDelivery(delivery.id, { final: false, allowPrivate: true })).rejects.toThrow(/answered 500/);
        expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
        await attemptWebhookDelivery(delivery.id, { final: true, allowPrivate: true });
        expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", attempts: 2 });
      }
    } finally {
      hook.answer(200);
    }
    const endpoint = await getWebhookEndpoint(failing.as.ADMIN, made.id);
    expect(endpoint).toMatchObject({ enabled: false, consecutiveFailures: WEBHOOK_DISABLE_AFTER });
    expect(endpoint.disabledReason).toMatch(/in a row failed/);
    const notices = await prisma.notification.findMany({ where: { organizationId: failing.organizationId, kind: "webhook.disabled" } });
    expect(notices).toHaveLength(1);
    expect(await prisma.outboxEmail.count({ where: { organizationId: failing.organizationId, subject: { contains: "Webhook disabled" } } })).toBe(1);
    // Disabled: new events are not recorded for it.
    const reportId = await reportToShare(failing);
    await createShareLink(failing.as.ACCOUNT_MANAGER, { reportId, clientId: failing.clientId, expiresAt: new Date(Date.now() + 86_400_000), passcodeHash: null });
    expect(await prisma.webhookDelivery.count({ where: { endpointId: made.id, status: "PENDING" } })).toBe(0);
    // Turned back on, it starts afresh.
    await setWebhookEndpointEnabled(failing.as.ADMIN, made.id, true);
    expect(await getWebhookEndpoint(failing.as.ADMIN, made.id)).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it("never reach a private address unless allowed, checked at connect time", async () => {
    const made = await createWebhookEndpoint(org.as.ADMIN, { url: `${base}/ssrf`, description: null, events: ["report.shared"] });
    const { id } = await sendTestWebhookEvent(org.as.ADMIN, made.id);
    const result = await attemptWebhookDelivery(id, { final: true, allowPrivate: false });
    expect(result).toMatchObject({ attempted: true, ok: false });
    expect(hook.received.some((r) => r.path === "/ssrf")).toBe(false);
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/https|private/);
    await setWebhookEndpointEnabled(org.as.ADMIN, made.id, false);
  });
});

describe("webhook delivery through pg-boss", () => {
  let boss: PgBoss;
  let worker: { stop: () => void };
  beforeAll(async () => {
    process.env.VETTA_WEBHOOK_ALLOW_PRIVATE = "true";
    boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", max: 2, schedule: false });
    await boss.start();
    worker = await startWebhookWorker(boss, { intervalMs: 200 });
  });
  afterAll(async () => {
    worker.stop();
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
  });

  it("sends a test event within seconds of its being recorded", async () => {
    const made = await createWebhookEndpoint(org.as.ADMIN, { url: `${base}/queued`, description: null, events: ["decision.made"] });
    const { id } = await sendTestWebhookEvent(org.as.ADMIN, made.id);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await prisma.webhookDelivery.findUniqueOrThrow({ where: { id } })).status === "PENDING") await new Promise((r) => setTimeout(r, 200));
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    const got = hook.received.filter((r) => r.path === "/queued");
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]!.body)).toMatchObject({ type: "ping" });
  });
});
