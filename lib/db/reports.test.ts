import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { openSharedReport, unlockSharedReport } from "@/lib/auth/share-access";
import { createTestOrganization, recordTestEvidenceFile, type TestOrganization } from "@/lib/testing/fixtures";
import { contentHashOf, sha256Hex } from "@/lib/domain/reports/report-hash";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { certificationInput, dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { createCertification } from "./certifications";
import { prisma } from "./prisma-client";
import { createDpa } from "./dpas";
import { createProduct } from "./products";
import { createReport, getReport, renderStoredReport, verifyReportFile, verifyReportReference } from "./reports";
import { createShareLink, listShareLinks, reportForViewer, revokeShareLink } from "./share-links";
import { createUseCase } from "./use-cases";
import { createVendor } from "./vendors";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";
const visitor = { ip: "203.0.113.7", userAgent: "vitest" };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

async function productWithEvidence(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  const v = await createVendor(me, { name: `Vendor ${Math.random()}`, website: "https://vendor.example", description: null });
  const p = await createProduct(me, productInput.parse({ vendorId: v.id, name: "Report Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU, US", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
  await createDpa(me, dpaInput.parse({ productId: p.id, title: "Report DPA", signedAt: "2026-01-10", expiresAt: "2028-06-30", breachNoticeHours: 48, transferMechanism: "SCCS", isCurrent: true, clauses: DPA_CLAUSES.map((clause) => ({ clause, status: "PRESENT", evidence: `§ ${clause}` })) }));
  await createCertification(me, certificationInput.parse({ productId: p.id, type: "SOC2_TYPE_II", issuer: "Auditor LLP", issuedAt: "2026-03-31", expiresAt: "2028-03-31", fileId: await recordTestEvidenceFile(me) }));
  return p.id;
}

describe("reports", () => {
  it("freezes a report's data, re-renders it to the same bytes, and verifies the genuine file but not an altered one", async () => {
    const org = await createTestOrganization("Reports");
    const productId = await productWithEvidence(org);
    const issued = await createReport(org.as.ACCOUNT_MANAGER, { kind: "PRODUCT", productId }, "https://vetta.example");
    expect(issued.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const stored = await getReport(org.as.COMPLIANCE_OFFICER, issued.id);
    expect(stored.title).toMatch(/— Report Assistant$/);
    expect(stored.snapshot.data.kind).toBe("PRODUCT");
    expect(stored.snapshot.meta.verifyUrl).toBe("https://vetta.example/verify");
    // The content hash is that of the stored snapshot, read back from jsonb (key order lost).
    expect(contentHashOf(stored.snapshot)).toBe(issued.contentSha256);
    expect(stored.pdfSha256).toBe(sha256Hex(issued.pdf));

    // Later changes to the register do not change the report.
    await createCertification(org.as.ACCOUNT_MANAGER, certificationInput.parse({ productId, type: "ISO_27001", issuer: "BSI", issuedAt: "2025-01-01", expiresAt: "2028-01-01" }));
    const again = await renderStoredReport(stored);
    expect(Buffer.compare(again, issued.pdf)).toBe(0);

    expect(await verifyReportFile(issued.pdf)).toMatchObject({ result: "GENUINE", matched: "file", report: { id: issued.id, organizationName: expect.stringMatching(/^Reports /) } });
    const altered = Buffer.from(issued.pdf);
    const middle = Math.floor(altered.length / 2);
    altered[middle] = altered[middle]! ^ 0x01;
    expect(await verifyReportFile(altered)).toEqual({ result: "ALTERED", claimedId: issued.id });
    expect(await verifyReportFile(Buffer.from("%PDF-1.4 something else"))).toEqual({ result: "UNKNOWN" });
    expect(await verifyReportReference(issued.contentSha256.toUpperCase())).toMatchObject({ result: "GENUINE", matched: "content hash" });
    expect(await verifyReportReference(issued.id)).toMatchObject({ result: "GENUINE", matched: "report id" });
    expect(await verifyReportReference("f".repeat(64))).toEqual({ result: "UNKNOWN" });

    // The database refuses to change an issued report.
    await expect(prisma.report.update({ where: { id: issued.id }, data: { title: "Forged" } })).rejects.toThrow(/immutable/);
    // Another organisation cannot read it.
    const other = await createTestOrganization("Other");
    await expect(getReport(other.as.ADMIN, issued.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("scopes a report to a use case and builds a client's portfolio", async () => {
    const org = await createTestOrganization("Scoped");
    const productId = await productWithEvidence(org);
    const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId, purpose: "Summarising support tickets", dataClasses: ["PII", "PHI"] });
    const scoped = await createReport(org.as.ACCOUNT_MANAGER, { kind: "PRODUCT", productId, useCaseId: useCase.id }, "https://vetta.example");
    const { snapshot } = await getReport(org.as.ACCOUNT_MANAGER, scoped.id);
    const data = snapshot.data as Extract<ReportSnapshot["data"], { kind: "PRODUCT" }>;
    expect(data.useCase).toMatchObject({ clientName: "Client A", purpose: "Summarising support tickets", status: "Proposed" });
    // PHI without a BAA is a per-use-case flag: in the scoped report, not in the product's.
    expect(data.flags.map((f) => f.id)).toContain("PHI_WITHOUT_BAA");
    expect(data.score.tier).toBe("CRITICAL");

    const portfolio = await createReport(org.as.COMPLIANCE_OFFICER, { kind: "PORTFOLIO", clientId: org.clientId }, "https://vetta.example");
    const p = (await getReport(org.as.ADMIN, portfolio.id)).snapshot.data;
    expect(p).toMatchObject({ kind: "PORTFOLIO", client: { name: "Client A" }, summary: { total: 1, pending: 1, critical: 1 } });
    expect(p.kind === "PORTFOLIO" && p.useCases[0]).toMatchObject({ purpose: "Summarising support tickets", status: "Proposed", tier: "CRITICAL", openFlags: expect.arrayContaining(["PHI without BAA"]) });

    // A report about Client A cannot be shared with another client.
    const otherClient = await prisma.client.create({ data: { organizationId: org.organizationId, name: "Client B", residency: "ANY" } });
    await expect(createShareLink(org.as.ACCOUNT_MANAGER, { reportId: scoped.id, clientId: otherClient.id, expiresAt: inDays(30), passcodeHash: null })).rejects.toMatchObject({ fieldErrors: { clientId: expect.stringContaining("another client") } });
  });
});

describe("share links", () => {
  it("stores only the token's hash, opens until revoked or expired, and logs every access", async () => {
    const org = await createTestOrganization("Sharing");
    const productId = await productWithEvidence(org);
    const report = await createReport(org.as.ACCOUNT_MANAGER, { kind: "PRODUCT", productId }, "https://vetta.example");
    const link = await createShareLink(org.as.ACCOUNT_MANAGER, { reportId: report.id, clientId: org.clientId, expiresAt: inDays(30), passcodeHash: null });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await prisma.shareLink.count({ where: { tokenHash: link.token } })).toBe(0);

    const opened = await openSharedReport(link.token, "VIEW", visitor, undefined);
    expect(opened).toMatchObject({ state: "OK", report: { id: report.id } });
    expect(await openSharedReport(`${link.token.slice(0, -1)}${link.token.endsWith("A") ? "B" : "A"}`, "VIEW", visitor, undefined)).toEqual({ state: "NOT_FOUND" });

    // The client viewer of Client A sees it in the portal; a viewer of another client, or of another organisation, does not.
    expect((await reportForViewer(org.as.CLIENT_VIEWER, report.id)).report.id).toBe(report.id);
    const otherClient = await prisma.client.create({ data: { organizationId: org.organizationId, name: "Client B", residency: "ANY" } });
    await expect(reportForViewer({ ...org.as.CLIENT_VIEWER, clientId: otherClient.id }, report.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rival = await createTestOrganization("Rival");
    await expect(reportForViewer(rival.as.CLIENT_VIEWER, report.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await revokeShareLink(org.as.ACCOUNT_MANAGER, link.id);
    expect(await openSharedReport(link.token, "DOWNLOAD", visitor, undefined)).toEqual({ state: "NOT_FOUND" });
    await expect(reportForViewer(org.as.CLIENT_VIEWER, report.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const expired = await createShareLink(org.as.ACCOUNT_MANAGER, { reportId: report.id, clientId: org.clientId, expiresAt: inDays(1), passcodeHash: null });
    expect(await openSharedReport(expired.token, "VIEW", visitor, undefined, inDays(2))).toEqual({ state: "NOT_FOUND" });

    const [, first] = await listShareLinks(org.as.ACCOUNT_MANAGER, report.id);
    expect(first!.accesses.map((a) => [a.outcome, a.ip])).toEqual([
      ["REFUSED_REVOKED", "203.0.113.7"],
      ["VIEW", "203.0.113.7"],
    ]);
  });

  it("asks for the passcode, refuses a wrong one, and locks after ten wrong tries", async () => {
    const org = await createTestOrganization("Passcode");
    const productId = await productWithEvidence(org);
    const report = await createReport(org.as.ACCOUNT_MANAGER, { kind: "PRODUCT", productId }, "https://vetta.example");
    const link = await createShareLink(org.as.ACCOUNT_MANAGER, { reportId: report.id, clientId: org.clientId, expiresAt: inDays(30), passcodeHash: await hashPassword("open sesame") });
    expect(await openSharedReport(link.token, "VIEW", visitor, undefined)).toEqual({ state: "PASSCODE_REQUIRED" });
    expect(await openSharedReport(link.token, "VIEW", visitor, "forged-cookie")).toEqual({ state: "PASSCODE_REQUIRED" });
    expect(await unlockSharedReport(link.token, "wrong", visitor)).toEqual({ ok: false, reason: "WRONG" });
    const unlocked = await unlockSharedReport(link.token, "open sesame", visitor);
    expect(unlocked.ok).toBe(true);
    expect(await openSharedReport(link.token, "VIEW", visitor, unlocked.ok ? unlocked.proof : undefined)).toMatchObject({ state: "OK" });
    for (let i = 0; i < 9; i++) await unlockSharedReport(link.token, `wrong ${i}`, visitor);
    expect(await unlockSharedReport(link.token, "open sesame", visitor)).toEqual({ ok: false, reason: "LOCKED" });
  });
});

