import { describe, expect, it } from "vitest";
import { createTestOrganization, recordTestEvidenceFile } from "@/lib/testing/fixtures";
import { parseListQuery } from "@/lib/validation/list-query";
import { productInput } from "@/lib/validation/product";
import { createCertification, updateCertification } from "./certifications";
import { renewalBuckets } from "./renewals";
import { createDpa } from "./dpas";
import { createProduct } from "./products";
import { listProducts, PRODUCT_LIST } from "./register-lists";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { prisma } from "./prisma-client";
import { createTemplate } from "./questionnaires";
import { listScoreSnapshots, liveProductScore } from "./scoring";
import { setScoringWeights } from "./scoring-weights";
import { replaceSubProcessors } from "./sub-processors";
import { createVendor } from "./vendors";

describe("live product score", () => {
  it("scores from the register, caches the tier for lists, and stays in its organisation", async () => {
    const org = await createTestOrganization("Score");
    const other = await createTestOrganization("Score other");
    const me = org.as.ACCOUNT_MANAGER;
    const v = await createVendor(me, { name: "V", website: null, description: null });
    const p = await createProduct(
      me,
      productInput.parse({ vendorId: v.id, name: "P", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: "30", zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }),
    );
    const bare = await liveProductScore(me, p.id);
    expect(bare.result.tier).toBe("CRITICAL");
    expect(bare.result.flags.map((f) => f.id)).toEqual(expect.arrayContaining(["NO_DPA", "NO_INDEPENDENT_AUDIT"]));

    await createDpa(me, {
      productId: p.id,
      title: "DPA",
      signedAt: new Date("2026-01-01"),
      effectiveAt: null,
      expiresAt: new Date("2030-01-01"),
      breachNoticeHours: 48,
      transferMechanism: "SCCS",
      isCurrent: true,
      fileId: null,
      notes: null,
      clauses: ["PURPOSE", "DATA_CATEGORIES", "RETENTION", "SUBPROCESSORS", "SECURITY_MEASURES", "LOCATION", "AUDIT_RIGHTS", "NO_TRAINING", "BREACH_NOTIFICATION", "DELETION_RETURN", "DATA_OWNERSHIP", "PORTABILITY_EXIT"].map((clause) => ({ clause: clause as "PURPOSE", status: "PRESENT" as const, evidence: "§1" })),
    });
    await createCertification(me, { productId: p.id, type: "SOC2_TYPE_II", name: null, issuer: "A-LIGN", scope: null, issuedAt: new Date("2026-01-01"), expiresAt: new Date("2030-01-01"), fileId: await recordTestEvidenceFile(me) });
    await replaceSubProcessors(me, { productId: p.id, items: [{ name: "Azure", purpose: null, country: null, region: null }] });
    const { result } = await liveProductScore(me, p.id);
    // DPA 100 · 40% + questionnaire 0 (none submitted) · 40% + certifications 100 · 20% = 60
    expect(result).toMatchObject({ score: 60, tier: "MEDIUM", flags: [] });
    const listed = await listProducts(me, parseListQuery({ riskTier: "MEDIUM" }, PRODUCT_LIST));
    expect(listed.rows.map((r) => r.name)).toEqual(["P"]);
    await expect(liveProductScore(other.as.ACCOUNT_MANAGER, p.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("score snapshots and weights", () => {
  it("submitting freezes a snapshot; a weight change makes a new model version and leaves old snapshots alone; snapshots refuse edits", async () => {
    const org = await createTestOrganization("Snapshots");
    const me = org.as.ACCOUNT_MANAGER;
    const v = await createVendor(me, { name: "V", website: null, description: null });
    const p = await createProduct(
      me,
      productInput.parse({ vendorId: v.id, name: "P", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: "30", zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }),
    );
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const { id } = await startAssessment(me, p.id);
    const { version } = await getAssessment(me, id);
    for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
      const value = q.type === "YES_NO" ? "yes" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
      await saveAnswer(me, id, { questionKey: q.key, value });
    }
    await submitAssessment(me, id);
    const [first] = await listScoreSnapshots(me, p.id);
    expect(first).toMatchObject({ assessmentId: id, scoringModel: { version: 1 } });
    expect(first!.score).toBeGreaterThan(0);

    const model = await setScoringWeights(org.as.ADMIN, { dpa: 10, questionnaire: 80, certifications: 10 });
    expect(model.version).toBe(2);
    const after = await listScoreSnapshots(me, p.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: first!.id, score: first!.score, scoringModel: { version: 1 } });
    expect((await liveProductScore(me, p.id)).result.modelVersion).toBe(2);

    await expect(prisma.scoreSnapshot.update({ where: { id: first!.id }, data: { score: 100 } })).rejects.toThrow(/immutable/);
    await expect(prisma.scoreSnapshot.delete({ where: { id: first!.id } })).rejects.toThrow(/immutable/);
  });
});

describe("evidence that counts", () => {
  it("last year's expired SOC 2 beside the current one is superseded: no EXPIRED_EVIDENCE, no renewal; a SOC 2 without its report is unverified", async () => {
    const org = await createTestOrganization("Counting evidence");
    const me = org.as.ACCOUNT_MANAGER;
    const v = await createVendor(me, { name: "V", website: null, description: null });
    const p = await createProduct(
      me,
      productInput.parse({ vendorId: v.id, name: "P", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: "30", zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }),
    );
    await createDpa(me, {
      productId: p.id,
      title: "DPA",
      signedAt: new Date("2026-01-01"),
      effectiveAt: null,
      expiresAt: new Date("2030-01-01"),
      breachNoticeHours: 48,
      transferMechanism: "SCCS",
      isCurrent: true,
      fileId: null,
      notes: null,
      clauses: ["PURPOSE", "DATA_CATEGORIES", "RETENTION", "SUBPROCESSORS", "SECURITY_MEASURES", "LOCATION", "AUDIT_RIGHTS", "NO_TRAINING", "BREACH_NOTIFICATION", "DELETION_RETURN", "DATA_OWNERSHIP", "PORTABILITY_EXIT"].map((clause) => ({ clause: clause as "PURPOSE", status: "PRESENT" as const, evidence: "§1" })),
    });
    await replaceSubProcessors(me, { productId: p.id, items: [{ name: "Azure", purpose: null, country: null, region: null }] });
    const current = await createCertification(me, { productId: p.id, type: "SOC2_TYPE_II", name: null, issuer: "A-LIGN", scope: null, issuedAt: new Date("2026-06-01"), expiresAt: new Date("2030-05-31"), fileId: await recordTestEvidenceFile(me) });
    const before = await liveProductScore(me, p.id);
    const old = await createCertification(me, { productId: p.id, type: "SOC2_TYPE_II", name: null, issuer: "A-LIGN", scope: null, issuedAt: new Date("2024-06-01"), expiresAt: new Date("2025-06-03"), fileId: await recordTestEvidenceFile(me) });
    const after = await liveProductScore(me, p.id);
    expect(after.result.flags.map((f) => f.id)).not.toContain("EXPIRED_EVIDENCE");
    expect([after.result.score, after.result.tier]).toEqual([before.result.score, before.result.tier]);
    const { buckets } = await renewalBuckets(org.as.ADMIN, {});
    expect([...buckets.values()].flat().map((i) => i.itemId)).not.toContain(old.id);

    // The current one without its report: half credit and NO_INDEPENDENT_AUDIT is back.
    await updateCertification(me, current.id, { productId: p.id, type: "SOC2_TYPE_II", name: null, issuer: "A-LIGN", scope: null, issuedAt: new Date("2026-06-01"), expiresAt: new Date("2030-05-31"), fileId: null });
    const unverified = await liveProductScore(me, p.id);
    expect(unverified.result.parts.certifications.score).toBe(50);
    expect(unverified.result.flags.map((f) => f.id)).toContain("NO_INDEPENDENT_AUDIT");
  });
});
