import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DPA_RULE_VERSION } from "@/lib/domain/dpa-analysis/rule-version";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { storeEvidence } from "@/lib/files/evidence-store";
import { runDpaAnalysisJob } from "@/lib/jobs/dpa-analysis-jobs";
import { scannedPdf, textPdf } from "@/lib/testing/dpa-documents";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { acceptAllProposals, applyDpaFact, decideProposal, latestDpaAnalysis, requestDpaAnalysis } from "./dpa-analyses";
import { createDpa, getDpa } from "./dpas";
import { recordEvidenceFile } from "./evidence-files";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createVendor } from "./vendors";

const FIXTURES = path.join(import.meta.dirname, "../domain/dpa-analysis/fixtures");
let org: TestOrganization;
beforeAll(async () => {
  org = await createTestOrganization("DPA analysis");
});

/** A product with a DPA whose checklist is all MISSING and whose file is the given bytes. */
async function dpaWithFile(bytes: Uint8Array, name: string) {
  const me = org.as.ACCOUNT_MANAGER;
  const vendor = await createVendor(me, { name: `Vendor ${Math.random()}`, website: null, description: null });
  const product = await createProduct(me, productInput.parse({ vendorId: vendor.id, name: "Assistant", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "UNKNOWN", encryptionInTransit: "UNKNOWN", encryptionAtRest: "UNKNOWN" }));
  const file = await recordEvidenceFile(me, await storeEvidence(bytes, name));
  const dpa = await createDpa(me, dpaInput.parse({ productId: product.id, title: "DPA", signedAt: "2026-01-10", isCurrent: true, transferMechanism: "NONE", fileId: file.id, clauses: [] }));
  return { productId: product.id, dpaId: dpa.id };
}

const score = async (productId: string) => (await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { currentScore: true } })).currentScore;

describe("DPA analysis", () => {
  it("forty requests at once make one analysis; the worker stores twelve proposals and changes no clause", async () => {
    const text = await readFile(path.join(FIXTURES, "northwind-gdpr-long.md"), "utf8");
    const { dpaId } = await dpaWithFile(await textPdf(text.replace(/^#+ /gm, "# ")), "northwind.pdf");
    const requests = await Promise.all(Array.from({ length: 40 }, () => requestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId)));
    expect(new Set(requests.map((r) => r.id)).size).toBe(1);
    expect(requests.filter((r) => r.created)).toHaveLength(1);
    expect(await runDpaAnalysisJob(requests[0]!.id)).toBe("DONE");
    expect(await runDpaAnalysisJob(requests[0]!.id)).toBeNull();
    const analysis = await latestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId);
    expect(analysis).toMatchObject({ status: "DONE", ruleVersion: DPA_RULE_VERSION, facts: { breachNoticeHours: 36 } });
    expect(analysis!.pageCount).toBeGreaterThan(1);
    expect(analysis!.proposals).toHaveLength(12);
    const breach = analysis!.proposals.find((p) => p.clause === "BREACH_NOTIFICATION")!;
    expect(breach).toMatchObject({ status: "PRESENT", ruleVersion: DPA_RULE_VERSION, decision: null });
    expect(breach.evidence[0]).toMatchObject({ page: expect.any(Number), quote: expect.stringContaining("36") });
    // Proposals count for nothing yet.
    const dpa = await getDpa(org.as.ACCOUNT_MANAGER, dpaId);
    expect(dpa.clauses.every((c) => c.status === "MISSING")).toBe(true);
  });

  it("accept all writes the checklist and the score; each decision is audited; a second decision is refused", async () => {
    const text = await readFile(path.join(FIXTURES, "quill-short-saas.txt"));
    const { dpaId, productId } = await dpaWithFile(text, "quill.txt");
    const { id } = await requestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId);
    await runDpaAnalysisJob(id);
    const before = await score(productId);
    const analysis = (await latestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId))!;
    const purpose = analysis.proposals.find((p) => p.clause === "PURPOSE")!;
    // Forty reviewers reject the same proposal at once: one wins.
    const burst = await Promise.allSettled(Array.from({ length: 40 }, () => decideProposal(org.as.ACCOUNT_MANAGER, purpose.id, { decision: "REJECTED" })));
    expect(burst.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getDpa(org.as.ACCOUNT_MANAGER, dpaId)).clauses.find((c) => c.clause === "PURPOSE")!.status).toBe("MISSING");
    await decideProposal(org.as.ACCOUNT_MANAGER, analysis.proposals.find((p) => p.clause === "RETENTION")!.id, { decision: "CHANGED", status: "PARTIAL", evidence: "§10: only on closure" });
    await acceptAllProposals(org.as.ACCOUNT_MANAGER, id);
    const clauses = new Map((await getDpa(org.as.ACCOUNT_MANAGER, dpaId)).clauses.map((c) => [c.clause, c]));
    expect(clauses.get("PURPOSE")!.status).toBe("MISSING");
    expect(clauses.get("RETENTION")).toMatchObject({ status: "PARTIAL", evidence: "§10: only on closure" });
    expect(clauses.get("BREACH_NOTIFICATION")!.status).toBe("PRESENT");
    expect(clauses.get("BREACH_NOTIFICATION")!.evidence).toContain("within 48 hours");
    expect(DPA_CLAUSES.filter((c) => clauses.get(c)!.status === "PRESENT").length).toBe(10);
    expect(await score(productId)).toBeGreaterThan(before ?? 0);
    const events = await prisma.auditEvent.findMany({ where: { organizationId: org.organizationId, entityId: dpaId, action: { startsWith: "dpa.proposal" } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["dpa.proposal.rejected", "dpa.proposal.changed", "dpa.proposal.accept-all"]);
    expect(events.every((e) => e.actorId === org.as.ACCOUNT_MANAGER.userId)).toBe(true);
    expect(events[2]!.summary).toMatchObject({ ruleVersion: DPA_RULE_VERSION });
    await expect(decideProposal(org.as.ACCOUNT_MANAGER, purpose.id, { decision: "ACCEPTED" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("applies each proposed fact once, audited; another organisation reaches nothing", async () => {
    const text = await readFile(path.join(FIXTURES, "quill-short-saas.txt"));
    const { dpaId, productId } = await dpaWithFile(text, "quill.txt");
    const { id } = await requestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId);
    await runDpaAnalysisJob(id);
    const applied = await Promise.allSettled(Array.from({ length: 40 }, () => applyDpaFact(org.as.ACCOUNT_MANAGER, id, "breachNoticeHours")));
    expect(applied.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await applyDpaFact(org.as.ACCOUNT_MANAGER, id, "transferMechanism");
    await applyDpaFact(org.as.ACCOUNT_MANAGER, id, "processingRegions");
    expect(await getDpa(org.as.ACCOUNT_MANAGER, dpaId)).toMatchObject({ breachNoticeHours: 48, transferMechanism: "SCCS" });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: productId } })).processingRegions).toEqual(["EU", "UK"]);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "dpa.fact.apply" } })).toBeGreaterThanOrEqual(3);
    const other = await createTestOrganization("Other DPA org");
    await expect(requestDpaAnalysis(other.as.ACCOUNT_MANAGER, dpaId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applyDpaFact(other.as.ACCOUNT_MANAGER, id, "processingRegions")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await latestDpaAnalysis(other.as.ACCOUNT_MANAGER, dpaId)).toBeNull();
  });

  it("an accepted PARTIAL or MISSING keeps the reason on the checklist", async () => {
    const { dpaId } = await dpaWithFile(await readFile(path.join(FIXTURES, "cheapbot-weak.txt")), "cheapbot.txt");
    const { id } = await requestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId);
    await runDpaAnalysisJob(id);
    await acceptAllProposals(org.as.ACCOUNT_MANAGER, id);
    const clauses = new Map((await getDpa(org.as.ACCOUNT_MANAGER, dpaId)).clauses.map((c) => [c.clause, c]));
    expect(clauses.get("BREACH_NOTIFICATION")).toMatchObject({ status: "PARTIAL", evidence: expect.stringMatching(/as required by applicable law[\s\S]*Why: Breach notice 'without undue delay'/) });
    expect(clauses.get("NO_TRAINING")).toMatchObject({ status: "MISSING", evidence: expect.stringContaining("Why: The vendor may use customer data to train") });
  });

  it("a scanned PDF ends FAILED with the plain message", async () => {
    const { dpaId } = await dpaWithFile(await scannedPdf(), "scan.pdf");
    const { id } = await requestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId);
    expect(await runDpaAnalysisJob(id)).toBe("FAILED");
    expect(await latestDpaAnalysis(org.as.ACCOUNT_MANAGER, dpaId)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/no text layer/), proposals: [] });
  });
});
