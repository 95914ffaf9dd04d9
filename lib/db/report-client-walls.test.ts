/**
 * Issue 13.1: a report that reaches a client carries only that client's data. Two clients of one
 * MSP (Harbor Health, Lumen Retail) use the same product, each with a CRITICAL use case approved
 * under a risk exception, and each with marked strings. Every report kind (product, product for a
 * use case, portfolio) reaches Harbor Health by share link and portal, as PDF and as web view:
 * Lumen's name and marked strings never appear; Harbor's do where they belong.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSharedReport } from "@/lib/auth/share-access";
import { contentHashOf, sha256Hex } from "@/lib/domain/reports/report-hash";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { renderReportV2 } from "@/lib/pdf/render-report-v2";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { pdfText, squash, webViewText } from "@/e2e/support/report-text";
import { certificationInput, dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { useCaseDecisionInput } from "@/lib/validation/use-case";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { createCertification } from "./certifications";
import { prisma } from "./prisma-client";
import { createDpa } from "./dpas";
import { listReportsSharedWithMyClient } from "./portal";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { createReport, getReport, renderStoredReport } from "./reports";
import { createShareLink, hashShareToken, reportForViewer } from "./share-links";
import type { TenantContext } from "./tenant";
import { createUseCase, decideUseCase } from "./use-cases";
import { createVendor } from "./vendors";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";
const visitor = { ip: "203.0.113.9", userAgent: "vitest" };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** What must never reach Harbor Health, and what Harbor's own scoped reports must show. */
const LUMEN = ["Lumen Retail", "LUMENMARKPURPOSE", "LUMENMARKJUSTIFICATION", "LUMENMARKRISK", "LUMENMARKCONSENT"];
const HARBOR = ["HARBORMARKPURPOSE", "HARBORMARKJUSTIFICATION", "HARBORMARKRISK", "HARBORMARKCONSENT"];

async function setUp() {
  const org = await createTestOrganization("Walls");
  const am = org.as.ACCOUNT_MANAGER;
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  const harborId = org.clientId;
  await prisma.client.update({ where: { id: harborId }, data: { name: "Harbor Health" } });
  const lumen = await prisma.client.create({ data: { organizationId: org.organizationId, name: "Lumen Retail", residency: "ANY" } });
  const v = await createVendor(am, { name: `Vendor ${Math.random()}`, website: null, description: null });
  const p = await createProduct(am, productInput.parse({ vendorId: v.id, name: "Shared Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
  await createDpa(am, dpaInput.parse({ productId: p.id, title: "DPA", signedAt: "2026-01-10", expiresAt: isoDay(inDays(400)), breachNoticeHours: 48, transferMechanism: "NONE", isCurrent: true, clauses: DPA_CLAUSES.map((clause) => ({ clause, status: "PRESENT", evidence: "§1" })) }));
  await createCertification(am, certificationInput.parse({ productId: p.id, type: "SOC2_TYPE_II", issuer: "Auditor LLP", issuedAt: "2026-01-31", expiresAt: isoDay(inDays(380)) }));
  const { id: assessmentId } = await startAssessment(am, p.id);
  const { version } = await getAssessment(am, assessmentId);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? "yes" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(am, assessmentId, { questionKey: q.key, value });
  }
  await submitAssessment(am, assessmentId);

  // PHI without a BAA: CRITICAL, so each approval needs a risk exception (with consent and an expiry date).
  const approveWithException = async (clientId: string, mark: "HARBOR" | "LUMEN") => {
    const useCase = await createUseCase(am, { clientId, productId: p.id, purpose: `Triage notes ${mark}MARKPURPOSE`, dataClasses: ["PHI"] });
    await decideUseCase(
      org.as.COMPLIANCE_OFFICER,
      useCaseDecisionInput.parse({
        useCaseId: useCase.id,
        outcome: "APPROVED",
        justification: `Accepted for ${mark}MARKJUSTIFICATION reasons`,
        withException: true,
        exception: { justification: `Needed by ${mark}MARKJUSTIFICATION`, riskAccepted: `PHI leaves ${mark}MARKRISK`, clientConsent: "YES", consentBy: `Officer ${mark}MARKCONSENT`, consentAt: isoDay(new Date()), expiresAt: isoDay(inDays(120)) },
      }),
    );
    return useCase.id;
  };
  const harborUseCase = await approveWithException(harborId, "HARBOR");
  const lumenUseCase = await approveWithException(lumen.id, "LUMEN");
  return { org, productId: p.id, harborId, lumenId: lumen.id, harborUseCase, lumenUseCase };
}

/** Everything Harbor's viewer can read of a report: snapshot JSON, PDF text, web view. */
async function whatHarborReads(snapshot: ReportSnapshot, report: { id: string; snapshot: unknown; contentSha256: string; pdfSha256: string }) {
  const pdf = await renderStoredReport(report);
  return { json: squash(JSON.stringify(snapshot)), pdf: await pdfText(pdf), web: webViewText(snapshot, report.contentSha256) };
}

function expectNone(texts: Record<string, string>, needles: string[], what: string) {
  for (const [where, text] of Object.entries(texts)) for (const n of needles) expect(text.includes(squash(n)), `${what}: ${where} shows "${n}"`).toBe(false);
}
function expectAll(texts: Record<string, string>, needles: string[], what: string) {
  for (const [where, text] of Object.entries(texts)) for (const n of needles) expect(text.includes(squash(n)), `${what}: ${where} lacks "${n}"`).toBe(true);
}

/** Opens the report by share link and by the portal as Harbor Health, and returns what each shows. */
async function readAsHarbor(org: TestOrganization, viewer: TenantContext, reportId: string) {
  const link = await createShareLink(org.as.ACCOUNT_MANAGER, { reportId, clientId: viewer.clientId!, expiresAt: inDays(30), passcodeHash: null });
  const shared = await openSharedReport(link.token, "VIEW", visitor, undefined);
  if (shared.state !== "OK") throw new Error(`share link did not open: ${shared.state}`);
  const portal = await reportForViewer(viewer, reportId);
  const listed = await listReportsSharedWithMyClient(viewer);
  expect(listed.map((l) => l.report.id)).toContain(reportId);
  const viaShare = await whatHarborReads(shared.report.snapshot as unknown as ReportSnapshot, shared.report);
  const viaPortal = await whatHarborReads(portal.report.snapshot as unknown as ReportSnapshot, portal.report);
  return { shareJson: viaShare.json, sharePdf: viaShare.pdf, shareWeb: viaShare.web, portalJson: viaPortal.json, portalPdf: viaPortal.pdf, portalWeb: viaPortal.web };
}

describe("client walls on reports (issue 13.1)", () => {
  it("every report kind reaching Harbor Health, by share link and portal, as PDF and web view, holds none of Lumen's data", { timeout: 120_000 }, async () => {
    const { org, productId, harborUseCase, lumenUseCase, lumenId } = await setUp();
    const am = org.as.ACCOUNT_MANAGER;
    const viewer = org.as.CLIENT_VIEWER; // Harbor Health's viewer
    const lumenViewer = { ...viewer, clientId: lumenId };

    // Product report without a use case: no client's data at all, said on the report; any client may receive it.
    const product = await createReport(am, { kind: "PRODUCT", productId }, "https://vetta.example");
    const productTexts = await readAsHarbor(org, viewer, product.id);
    expectNone(productTexts, [...LUMEN, ...HARBOR, "Harbor Health"], "product report");
    expectAll(productTexts, ["Product-level report: no client"], "product report note");
    const stored = (await getReport(am, product.id)).snapshot;
    expect(stored.version).toBe(3);
    expect(stored.data.kind === "PRODUCT" && stored.data.exceptions).toEqual([]);

    // Product report for Harbor's use case: Harbor's exception and dates, none of Lumen's.
    const scoped = await createReport(am, { kind: "PRODUCT", productId, useCaseId: harborUseCase }, "https://vetta.example");
    const scopedTexts = await readAsHarbor(org, viewer, scoped.id);
    expectNone(scopedTexts, LUMEN, "product report for Harbor's use case");
    expectAll(scopedTexts, [...HARBOR, "Prepared for Harbor Health"], "product report for Harbor's use case");
    // Issue 15.11: the executive summary states the decision as it is, in the PDF (pdfjs text) and the web view.
    const statement = `Approved under a risk exception accepting PHI without BAA, expires ${isoDay(inDays(120))}, client consent by Officer HARBORMARKCONSENT on ${isoDay(new Date())}.`;
    expectAll({ pdf: scopedTexts.sharePdf, web: scopedTexts.shareWeb.replace(/&#x27;/g, "'") }, [statement, "Capped by a critical flag", "Methodology", "compliance officer, recorded the decision above"], "executive summary under an exception");

    // Harbor's portfolio: Harbor's use cases only.
    const portfolio = await createReport(am, { kind: "PORTFOLIO", clientId: org.clientId }, "https://vetta.example");
    const portfolioTexts = await readAsHarbor(org, viewer, portfolio.id);
    expectNone(portfolioTexts, LUMEN, "Harbor's portfolio");
    expectAll(portfolioTexts, ["HARBORMARKPURPOSE", "Prepared for Harbor Health"], "Harbor's portfolio");

    // Lumen's reports cannot be shared with Harbor; a link forced into the database still opens nothing.
    const lumenScoped = await createReport(am, { kind: "PRODUCT", productId, useCaseId: lumenUseCase }, "https://vetta.example");
    const lumenPortfolio = await createReport(am, { kind: "PORTFOLIO", clientId: lumenId }, "https://vetta.example");
    for (const r of [lumenScoped, lumenPortfolio]) {
      await expect(createShareLink(am, { reportId: r.id, clientId: org.clientId, expiresAt: inDays(30), passcodeHash: null })).rejects.toMatchObject({ fieldErrors: { clientId: expect.stringContaining("another client") } });
      const token = randomBytes(32).toString("base64url");
      await prisma.shareLink.create({ data: { organizationId: org.organizationId, reportId: r.id, clientId: org.clientId, tokenHash: hashShareToken(token), expiresAt: inDays(30), createdById: am.userId } });
      expect(await openSharedReport(token, "VIEW", visitor, undefined)).toEqual({ state: "NOT_FOUND" });
      await expect(reportForViewer(viewer, r.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listReportsSharedWithMyClient(viewer)).map((l) => l.report.id)).not.toContain(r.id);
    }
    // And Lumen's viewer sees Lumen's own reports once shared, without Harbor's data.
    const lumenLink = await createShareLink(am, { reportId: lumenScoped.id, clientId: lumenId, expiresAt: inDays(30), passcodeHash: null });
    const lumenOpened = await openSharedReport(lumenLink.token, "DOWNLOAD", visitor, undefined);
    if (lumenOpened.state !== "OK") throw new Error("Lumen's link did not open");
    expectNone(await whatHarborReads(lumenOpened.report.snapshot as unknown as ReportSnapshot, lumenOpened.report), [...HARBOR, "Harbor Health"], "Lumen's scoped report");
    expect((await reportForViewer(lumenViewer, lumenScoped.id)).report.id).toBe(lumenScoped.id);
  });

  it("a product report issued before client scoping (snapshot version 1, every client's exceptions) still renders for the MSP but reaches no client", async () => {
    const { org, productId } = await setUp();
    const am = org.as.ACCOUNT_MANAGER;
    const current = (await getReport(am, (await createReport(am, { kind: "PRODUCT", productId }, "https://vetta.example")).id)).snapshot;
    if (current.data.kind !== "PRODUCT") throw new Error("expected a product report");
    // The shape the old builder stored: no version, no audience, every client's exceptions.
    const { audience: _audience, ...oldData } = current.data;
    const legacy: ReportSnapshot = {
      meta: { ...current.meta, reportId: `r${randomBytes(12).toString("hex")}` },
      data: { ...oldData, exceptions: [{ justification: "Lumen Retail: Needed by LUMENMARKJUSTIFICATION", riskAccepted: "PHI leaves LUMENMARKRISK", clientConsent: "Yes, by Officer LUMENMARKCONSENT", expiresOn: "2027-01-01", grantedBy: "Officer", status: "Active" }] },
    };
    const contentSha256 = contentHashOf(legacy);
    const pdf = await renderReportV2(legacy.data, { ...legacy.meta, contentSha256 });
    const id = legacy.meta.reportId;
    await prisma.report.create({ data: { id, organizationId: org.organizationId, kind: "PRODUCT", productId, title: "Legacy", snapshot: JSON.parse(JSON.stringify(legacy)), contentSha256, pdfSha256: sha256Hex(pdf), createdById: am.userId } });

    // The MSP can still open and download it, byte for byte as issued.
    const stored = await getReport(am, id);
    expect(Buffer.compare(await renderStoredReport(stored), pdf)).toBe(0);
    // Sharing it with any client is refused on the field, saying why.
    await expect(createShareLink(am, { reportId: id, clientId: org.clientId, expiresAt: inDays(30), passcodeHash: null })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { clientId: expect.stringContaining("before reports were scoped") } });
    // A link made before the rule (forced here) opens nothing, and the refusal is logged.
    const token = randomBytes(32).toString("base64url");
    const link = await prisma.shareLink.create({ data: { organizationId: org.organizationId, reportId: id, clientId: org.clientId, tokenHash: hashShareToken(token), expiresAt: inDays(30), createdById: am.userId } });
    expect(await openSharedReport(token, "VIEW", visitor, undefined)).toEqual({ state: "NOT_FOUND" });
    expect(await prisma.shareAccess.findMany({ where: { shareLinkId: link.id }, select: { outcome: true } })).toEqual([{ outcome: "REFUSED_OTHER_CLIENTS_DATA" }]);
    await expect(reportForViewer(org.as.CLIENT_VIEWER, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listReportsSharedWithMyClient(org.as.CLIENT_VIEWER)).map((l) => l.report.id)).not.toContain(id);
  });
});
