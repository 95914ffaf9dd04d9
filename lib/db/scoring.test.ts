import { describe, expect, it } from "vitest";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { parseListQuery } from "@/lib/validation/list-query";
import { productInput } from "@/lib/validation/product";
import { createCertification } from "./certifications";
import { createDpa } from "./dpas";
import { createProduct } from "./products";
import { listProducts, PRODUCT_LIST } from "./register-lists";
import { DEFAULT_QUESTIONNAIRE } from "@/prisma/catalogue/default-questionnaire";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { prisma } from "./client";
import { createTemplate } from "./questionnaires";
import { listScoreSnapshots, liveProductScore, setScoringWeights } from "./scoring";
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
    await createCertification(me, { productId: p.id, type: "SOC2_TYPE_II", name: null, issuer: null, scope: null, issuedAt: null, expiresAt: new Date("2030-01-01"), fileId: null });
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
