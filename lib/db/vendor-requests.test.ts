import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openVendorLink, VENDOR_LINK_MISS_LIMIT } from "@/lib/auth/vendor-link-access";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { findAuditEvents } from "./audit";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createDraftVersion, createTemplate, publishVersion } from "./questionnaires";
import { createVendor } from "./vendors";
import { findVendorRequestByToken, recordVendorUpload, saveVendorAnswer, submitVendorAnswers, vendorRequestView, type LinkRequest } from "./vendor-request-link";
import { applyVendorFact, returnAnswersToVendor, reviewVendorAnswer, vendorAnswersAgainstRecord } from "./vendor-request-review";
import { getAssessment, startAssessment, submitAssessment } from "./assessments";
import { countOpenVendorRequests, listOpenVendorRequests, revokeVendorRequest, sendVendorRequest } from "./vendor-requests";

let org: TestOrganization;
let versionId: string;
let skipAllBut: (keep: string) => string[];

beforeAll(async () => {
  org = await createTestOrganization("Vendor requests");
  const definition = templateSchema.parse(DEFAULT_QUESTIONNAIRE);
  versionId = (await createTemplate(org.as.ADMIN, definition, { publish: true })).versionId;
  skipAllBut = (keep) => definition.sections.map((s) => s.key).filter((k) => k !== keep);
});

async function newProduct() {
  const v = await createVendor(org.as.ACCOUNT_MANAGER, { name: `Vendor ${Math.random()}`, website: null, description: null });
  const p = await createProduct(
    org.as.ACCOUNT_MANAGER,
    productInput.parse({ vendorId: v.id, name: "Assistant", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "UNKNOWN", encryptionInTransit: "UNKNOWN", encryptionAtRest: "UNKNOWN" }),
  );
  return { productId: p.id, vendorId: v.id };
}

const inDays = (days: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days));
let ipCounter = 0;
const visitor = () => ({ ip: `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, userAgent: "vitest" });

async function send(options: { productId?: string; dueInDays?: number; passcodeHash?: string | null; reuse?: boolean; templateVersionId?: string } = {}) {
  const productId = options.productId ?? (await newProduct()).productId;
  const sent = await sendVendorRequest(org.as.ACCOUNT_MANAGER, {
    productId,
    templateVersionId: options.templateVersionId ?? versionId,
    contactName: "Vera Vendor",
    contactEmail: `vera-${Math.random().toString(36).slice(2)}@vendor.example`,
    dueOn: inDays(options.dueInDays ?? 14),
    message: "Please answer by the due date.",
    skippedSectionKeys: skipAllBut("retention"),
    passcodeHash: options.passcodeHash ?? null,
    reuseLastAnswers: options.reuse ?? false,
  });
  const link = (await findVendorRequestByToken(sent.token))!;
  return { ...sent, productId, link };
}

async function answerAll(link: LinkRequest, v = visitor()) {
  await saveVendorAnswer(link, { questionKey: "retention_days", value: 30 }, v);
  await saveVendorAnswer(link, { questionKey: "zero_retention", value: "yes" }, v);
  await saveVendorAnswer(link, { questionKey: "deletion_on_request", value: "yes" }, v);
  await saveVendorAnswer(link, { questionKey: "logs_contain_personal_data", value: "no" }, v);
}

describe("sending a request", () => {
  it("stores only the SHA-256 of a 256-bit token, e-mails the link, records the contact and audits without the token", async () => {
    const sent = await send();
    expect(sent.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(sent.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(sent.token);
    // Expiry: the end of the due date plus the grace (14 days).
    expect(row.expiresAt.toISOString()).toBe(new Date(inDays(14 + 15)).toISOString());
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { organizationId: org.organizationId, to: row.contactEmail } });
    expect(mail.body).toContain(`/questionnaire/${sent.token}`);
    const vendor = await prisma.vendor.findUniqueOrThrow({ where: { id: row.vendorId } });
    expect(vendor.contactEmail).toBe(row.contactEmail);
    const events = await findAuditEvents(org.as.ADMIN, { entityType: "VendorQuestionnaireRequest", entityId: sent.id });
    expect(events.map((e) => e.action)).toEqual(["vendor-request.send"]);
    expect(JSON.stringify(events)).not.toContain(sent.token);
  });

  it("refuses a due date in the past and a request that skips every section", async () => {
    const { productId } = await newProduct();
    const base = { productId, templateVersionId: versionId, contactName: "A", contactEmail: "a@vendor.example", message: null, passcodeHash: null, reuseLastAnswers: false };
    await expect(sendVendorRequest(org.as.ACCOUNT_MANAGER, { ...base, dueOn: inDays(-1), skippedSectionKeys: [] })).rejects.toMatchObject({ fieldErrors: { dueOn: expect.any(String) } });
    await expect(sendVendorRequest(org.as.ACCOUNT_MANAGER, { ...base, dueOn: inDays(3), skippedSectionKeys: templateSchema.parse(DEFAULT_QUESTIONNAIRE).sections.map((s) => s.key) })).rejects.toMatchObject({ fieldErrors: { skippedSectionKeys: expect.any(String) } });
  });
});

describe("the link", () => {
  it("opens a live link, and an expired or revoked one is not found (and logged as refused)", async () => {
    const sent = await send();
    const v = visitor();
    expect((await openVendorLink(sent.token, v, undefined)).state).toBe("OK");
    // The day after the link's expiry: as unknown as a made-up token.
    expect((await openVendorLink(sent.token, v, undefined, new Date(sent.expiresAt.getTime() + 1000))).state).toBe("NOT_FOUND");
    await revokeVendorRequest(org.as.ACCOUNT_MANAGER, sent.id);
    expect((await openVendorLink(sent.token, v, undefined)).state).toBe("NOT_FOUND");
    const log = await prisma.vendorRequestAccess.findMany({ where: { requestId: sent.id }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["REFUSED_EXPIRED", "REFUSED_REVOKED"]);
    expect(log[0]).toMatchObject({ ip: v.ip, userAgent: "vitest" });
    // A save through a link revoked after it was opened is refused too (checked under the row lock).
    await expect(saveVendorAnswer(sent.link, { questionKey: "retention_days", value: 10 }, v)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks for the passcode when the request has one; the right one gives this browser a proof that opens it", async () => {
    const { hashPassword } = await import("@/lib/auth/password");
    const { unlockVendorLink } = await import("@/lib/auth/vendor-link-access");
    const sent = await send({ passcodeHash: await hashPassword("open sesame") });
    const v = visitor();
    expect((await openVendorLink(sent.token, v, undefined)).state).toBe("PASSCODE_REQUIRED");
    expect(await unlockVendorLink(sent.token, "wrong guess", v)).toEqual({ ok: false, reason: "WRONG" });
    const unlocked = await unlockVendorLink(sent.token, "open sesame", v);
    expect(unlocked.ok).toBe(true);
    expect((await openVendorLink(sent.token, v, unlocked.ok ? unlocked.proof : undefined)).state).toBe("OK");
    // A proof for another link opens nothing here.
    expect((await openVendorLink(sent.token, v, "x".repeat(43))).state).toBe("PASSCODE_REQUIRED");
    const log = await prisma.vendorRequestAccess.findMany({ where: { requestId: sent.id }, select: { action: true } });
    expect(log.map((l) => l.action).sort()).toEqual(["BAD_PASSCODE", "UNLOCKED"]);
  });

  it("locks an address out after too many unknown tokens, counted atomically in a burst of 40", async () => {
    const v = visitor();
    const fake = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    const results = await Promise.all(Array.from({ length: 40 }, () => openVendorLink(fake(), v, undefined)));
    expect(results.every((r) => r.state === "NOT_FOUND" || r.state === "THROTTLED")).toBe(true);
    const throttle = await prisma.signInThrottle.findUniqueOrThrow({ where: { key: `vendor-miss:${v.ip}` } });
    expect(throttle.failures).toBeGreaterThanOrEqual(VENDOR_LINK_MISS_LIMIT);
    // Now even a real link is refused from that address.
    const sent = await send();
    expect((await openVendorLink(sent.token, v, undefined)).state).toBe("THROTTLED");
    expect((await openVendorLink(sent.token, visitor(), undefined)).state).toBe("OK");
  });
});

describe("answering through the link", () => {
  it("shows only this request's questions, without scoring internals", async () => {
    const sent = await send();
    const view = await vendorRequestView(sent.link);
    expect(view.sections.map((s) => s.key)).toEqual(["retention"]);
    const json = JSON.stringify(view);
    expect(json).not.toMatch(/"points"|"weight"|"bands"|"productFact"|currentScore|Client A/);
  });

  it("one request's link cannot read or write another's answers or attach another's files", async () => {
    const a = await send();
    const b = await send();
    await saveVendorAnswer(a.link, { questionKey: "retention_days", value: 30 }, visitor());
    expect((await vendorRequestView(b.link)).answers).toEqual({});
    await saveVendorAnswer(b.link, { questionKey: "retention_days", value: 90 }, visitor());
    expect((await vendorRequestView(a.link)).answers.retention_days?.value).toBe(30);
    // A file uploaded through A cannot be attached through B.
    const file = await recordVendorUpload(a.link, { storageKey: `test/${Math.random()}`, originalName: "soc2.pdf", mimeType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), wrappedKey: "x", iv: "x", authTag: "x" }, visitor());
    const unlocked = await send();
    await prisma.vendorQuestionnaireRequest.update({ where: { id: unlocked.id }, data: { skippedSectionKeys: skipAllBut("contract") } });
    await expect(saveVendorAnswer(unlocked.link, { questionKey: "dpa_document", value: [file.id] }, visitor())).rejects.toMatchObject({ fieldErrors: { dpa_document: "Upload the file again." } });
    // A question of a skipped section is not part of the request.
    await expect(saveVendorAnswer(a.link, { questionKey: "trains_on_customer_data", value: "no" }, visitor())).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses a submit with missing answers by naming them, then goes read-only after the submit", async () => {
    const sent = await send();
    await saveVendorAnswer(sent.link, { questionKey: "retention_days", value: 30 }, visitor());
    const refused = await submitVendorAnswers(sent.link, visitor()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { zero_retention: "needs an answer", deletion_on_request: "needs an answer" } });
    expect((refused as Error).message).toContain("Is a zero-data-retention mode available?");
    await answerAll(sent.link);
    await submitVendorAnswers(sent.link, visitor());
    await expect(saveVendorAnswer(sent.link, { questionKey: "retention_days", value: 7 }, visitor())).rejects.toMatchObject({ code: "CONFLICT" });
    const log = await prisma.vendorRequestAccess.groupBy({ by: ["action"], where: { requestId: sent.id }, _count: true });
    expect(Object.fromEntries(log.map((l) => [l.action, l._count]))).toMatchObject({ SAVE: 5, SUBMIT: 1 });
  });

  it("of 40 submits at once, exactly one sends, and the owner hears of it once", async () => {
    const sent = await send();
    await answerAll(sent.link);
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => submitVendorAnswers(sent.link, visitor())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await prisma.vendorRequestAccess.count({ where: { requestId: sent.id, action: "SUBMIT" } })).toBe(1);
    const events = await findAuditEvents(org.as.ADMIN, { entityType: "VendorQuestionnaireRequest", entityId: sent.id });
    expect(events.filter((e) => e.action === "vendor-request.submit")).toHaveLength(1);
    expect(await prisma.notification.count({ where: { userId: org.as.ACCOUNT_MANAGER.userId, kind: "vendor-request.submitted", link: `/vendor-requests/${sent.id}` } })).toBe(1);
  });
});

describe("open requests", () => {
  it("lists and counts requests that are open, not revoked or completed", async () => {
    const before = await countOpenVendorRequests(org.as.ACCOUNT_MANAGER);
    const sent = await send({ dueInDays: 2 });
    expect(await countOpenVendorRequests(org.as.ACCOUNT_MANAGER)).toBe(before + 1);
    expect((await listOpenVendorRequests(org.as.ACCOUNT_MANAGER)).some((r) => r.id === sent.id)).toBe(true);
    await revokeVendorRequest(org.as.ACCOUNT_MANAGER, sent.id);
    expect(await countOpenVendorRequests(org.as.ACCOUNT_MANAGER)).toBe(before);
  });
});

describe("the account manager's review", () => {
  const am = () => org.as.ACCOUNT_MANAGER;

  it("returned answers reopen on the same link, only they; accepted answers fill the assessment with who answered and when", async () => {
    const sent = await send();
    await answerAll(sent.link);
    await saveVendorAnswer(sent.link, { questionKey: "retention_days", comment: "Configurable per workspace" }, visitor());
    // Nothing can be judged before the vendor sends.
    await expect(reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "retention_days", verdict: "ACCEPT" })).rejects.toMatchObject({ code: "CONFLICT" });
    await submitVendorAnswers(sent.link, visitor());

    await reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "retention_days", verdict: "ACCEPT" });
    await reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "zero_retention", verdict: "ACCEPT" });
    await reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "logs_contain_personal_data", verdict: "ACCEPT" });
    await reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "deletion_on_request", verdict: "RETURN", comment: "Attach the deletion certificate wording." });
    // Judged once: a second verdict on the same answer is refused.
    await expect(reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "retention_days", verdict: "RETURN", comment: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    await returnAnswersToVendor(am(), sent.id);
    const mail = await prisma.outboxEmail.findMany({ where: { organizationId: org.organizationId, to: (await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({ where: { id: sent.id } })).contactEmail }, orderBy: { createdAt: "asc" } });
    expect(mail).toHaveLength(2);
    expect(mail[1]!.body).toContain("returned 1 of your answers");

    // The vendor sees the returned one with its comment; only it can change.
    const view = await vendorRequestView(sent.link);
    expect(view.status).toBe("RETURNED");
    expect(view.answers.deletion_on_request).toMatchObject({ review: "RETURNED", returnComment: "Attach the deletion certificate wording.", editable: true });
    expect(view.answers.retention_days).toMatchObject({ review: "ACCEPTED", editable: false });
    await expect(saveVendorAnswer(sent.link, { questionKey: "retention_days", value: 1 }, visitor())).rejects.toMatchObject({ code: "CONFLICT" });
    // Sending again without touching the returned answer is refused, naming it.
    await expect(submitVendorAnswers(sent.link, visitor())).rejects.toMatchObject({ fieldErrors: { deletion_on_request: expect.stringContaining("returned") } });
    await saveVendorAnswer(sent.link, { questionKey: "deletion_on_request", comment: "Yes: DPA section 9.2, certificate on request." }, visitor());
    await submitVendorAnswers(sent.link, visitor());
    expect((await vendorRequestView(sent.link)).answers.deletion_on_request?.review).toBe("PENDING");

    const last = await reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "deletion_on_request", verdict: "ACCEPT" });
    expect(last.completed).toBe(true);
    const request = await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({ where: { id: sent.id } });
    expect(request.status).toBe("COMPLETED");
    const { answers, assessment } = await getAssessment(am(), request.assessmentId!);
    expect(answers.retention_days).toMatchObject({ value: 30, comment: "Configurable per workspace", vendor: { contactName: "Vera Vendor" } });
    expect(answers.deletion_on_request).toMatchObject({ value: "yes", comment: "Yes: DPA section 9.2, certificate on request." });
    expect(assessment.status).toBe("DRAFT");
    // Read-only for the vendor once complete.
    await expect(saveVendorAnswer(sent.link, { questionKey: "deletion_on_request", value: "no" }, visitor())).rejects.toMatchObject({ code: "CONFLICT" });
    // The normal path follows: the assessment still needs the other sections before it can be submitted.
    await expect(submitAssessment(am(), request.assessmentId!)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("shows the record beside fact answers and contradictions, and applies an accepted fact with one audited click", async () => {
    const sent = await send();
    await answerAll(sent.link);
    await submitVendorAnswers(sent.link, visitor());
    const request = await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({ where: { id: sent.id }, include: { answers: true } });
    const against = await vendorAnswersAgainstRecord(am(), request);
    // The product record does not say how long it keeps data; the vendor says 30 days.
    expect(against.recorded).toMatchObject({ retention_days: null, zero_retention: "no" });
    expect(against.contradictions.some((c) => c.left.source === "answer" || c.right.source === "answer")).toBe(true);
    await expect(applyVendorFact(am(), { requestId: sent.id, questionKey: "retention_days" })).rejects.toMatchObject({ code: "CONFLICT" });
    await reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "retention_days", verdict: "ACCEPT" });
    await applyVendorFact(am(), { requestId: sent.id, questionKey: "retention_days" });
    const product = await prisma.product.findUniqueOrThrow({ where: { id: sent.productId } });
    expect(product).toMatchObject({ retentionKind: "DAYS", retentionDays: 30 });
    const events = await findAuditEvents(org.as.ADMIN, { entityType: "Product", entityId: sent.productId });
    expect(events.some((e) => e.action === "product.update" && JSON.stringify(e.summary).includes(`vendor request ${sent.id}`))).toBe(true);
  });

  it("a new request to the same vendor starts from the last accepted answers, which the vendor confirms or changes", async () => {
    const first = await send();
    await answerAll(first.link);
    await submitVendorAnswers(first.link, visitor());
    for (const questionKey of ["retention_days", "zero_retention", "deletion_on_request", "logs_contain_personal_data"]) await reviewVendorAnswer(am(), { requestId: first.id, questionKey, verdict: "ACCEPT" });
    const second = await send({ productId: first.productId, reuse: true });
    const view = await vendorRequestView(second.link);
    expect(view.answers.retention_days).toMatchObject({ value: 30, prefilled: true });
    await expect(submitVendorAnswers(second.link, visitor())).rejects.toMatchObject({ fieldErrors: { retention_days: expect.stringContaining("confirm") } });
    await saveVendorAnswer(second.link, { questionKey: "retention_days", confirm: true }, visitor());
    await saveVendorAnswer(second.link, { questionKey: "zero_retention", value: "no" }, visitor());
    await saveVendorAnswer(second.link, { questionKey: "deletion_on_request", confirm: true }, visitor());
    await saveVendorAnswer(second.link, { questionKey: "logs_contain_personal_data", confirm: true }, visitor());
    await submitVendorAnswers(second.link, visitor());
    expect((await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({ where: { id: second.id } })).reusedFromRequestId).toBe(first.id);
  });

  it("accepts answers given on a version that a newer one retired meanwhile: the assessment keeps the request's version", async () => {
    const definition = templateSchema.parse({ ...DEFAULT_QUESTIONNAIRE, name: "Retired while the vendor answered" });
    const { templateId, versionId: first } = await createTemplate(org.as.ADMIN, definition, { publish: true });
    const sent = await send({ templateVersionId: first });
    await answerAll(sent.link);
    await submitVendorAnswers(sent.link, visitor());
    // An admin publishes the template's next version while the answers wait for review.
    const next = await createDraftVersion(org.as.ADMIN, templateId, definition);
    await publishVersion(org.as.ADMIN, next.versionId);
    expect((await prisma.templateVersion.findUniqueOrThrow({ where: { id: first } })).status).toBe("RETIRED");
    // Starting an assessment by hand on the retired version is still refused.
    await expect(startAssessment(am(), (await newProduct()).productId, first)).rejects.toMatchObject({ code: "VALIDATION" });

    await reviewVendorAnswer(am(), { requestId: sent.id, questionKey: "retention_days", verdict: "ACCEPT" });
    const request = await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({ where: { id: sent.id } });
    const { assessment, answers } = await getAssessment(am(), request.assessmentId!);
    expect(assessment.templateVersionId).toBe(first);
    expect(answers.retention_days).toMatchObject({ value: 30, vendor: { contactName: "Vera Vendor" } });
  });
});
