/**
 * Issue 17: the organisation-wide rescoring (set-based loads of every product, scored in memory,
 * one UPDATE per table) leaves exactly the cached values that refreshing each product on its own
 * leaves: product score and tier, and each use case's score, tier, valid-until, next review and
 * suspension.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { addMonths, calendarDateOf } from "@/lib/domain/dates/calendar-date";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { clientInput } from "@/lib/validation/client";
import { certificationInput, dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { useCaseDecisionInput } from "@/lib/validation/use-case";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { createCertification } from "./certifications";
import { createClient } from "./clients";
import { createDpa } from "./dpas";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { refreshScoresNow } from "./score-refresh";
import { liveProductScore } from "./scoring";
import { createUseCase, decideUseCase } from "./use-cases";
import { createVendor } from "./vendors";

const today = () => calendarDateOf(new Date());
const STATUSES = ["PRESENT", "PARTIAL", "MISSING", "NOT_APPLICABLE"] as const;

async function submit(org: TestOrganization, productId: string, pick: number) {
  const me = org.as.ACCOUNT_MANAGER;
  const { id } = await startAssessment(me, productId);
  const { version } = await getAssessment(me, id);
  for (const [i, q] of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required).entries()) {
    const yes = (i + pick) % 3 !== 0;
    const value = q.type === "YES_NO" ? (yes ? "yes" : "no") : q.type === "NUMBER" ? 10 + pick * 20 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![pick % q.options!.length]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
  await submitAssessment(me, id);
}

/** A small but varied organisation: products with and without DPAs, certificates and questionnaires, and approved use cases. */
async function varied(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  const vendor = await createVendor(me, { name: "Varied vendor", website: null, description: null });
  const client = await createClient(org.as.ADMIN, clientInput.parse({ name: "Clinic", dataClasses: ["PII", "PHI"], residency: "EU", frameworks: [] }));
  const productIds: string[] = [];
  let approved = 0;
  for (let i = 0; i < 8; i++) {
    const product = await createProduct(
      me,
      productInput.parse({
        vendorId: vendor.id,
        name: `Product ${i}`,
        tier: ["ENTERPRISE", "BUSINESS", "CONSUMER"][i % 3],
        deploymentModel: "CLOUD_API",
        processingRegions: i % 4 === 3 ? "US" : "EU",
        retentionKind: i % 5 === 4 ? "UNLIMITED" : "DAYS",
        retentionDays: i % 5 === 4 ? undefined : 30,
        zeroRetentionAvailable: false,
        trainingPolicy: i % 6 === 5 ? "OPT_OUT_AVAILABLE" : "NEVER",
        encryptionInTransit: "YES",
        encryptionAtRest: "YES",
      }),
    );
    productIds.push(product.id);
    if (i % 4 !== 1) {
      await createDpa(
        me,
        dpaInput.parse({
          productId: product.id,
          title: `DPA ${i}`,
          signedAt: "2026-01-10",
          effectiveAt: "2026-01-10",
          expiresAt: addMonths(today(), i % 3 === 0 ? 18 : 2),
          breachNoticeHours: [24, 48, 96][i % 3],
          transferMechanism: i % 2 ? "SCCS" : "NONE",
          isCurrent: true,
          clauses: DPA_CLAUSES.map((clause, k) => ({ clause, status: STATUSES[(k + i) % 4], evidence: "§1" })),
        }),
      );
    }
    if (i % 3 !== 2) await createCertification(me, certificationInput.parse({ productId: product.id, type: i % 2 ? "ISO_27001" : "SOC2_TYPE_II", issuer: "Auditor LLP", issuedAt: "2026-03-31", expiresAt: addMonths(today(), 10) }));
    if (i % 2 === 0) await submit(org, product.id, i);
    const useCase = await createUseCase(me, { clientId: client.id, productId: product.id, purpose: `Use ${i}`, dataClasses: i % 3 ? ["PII"] : ["PHI"] });
    if (i % 2 === 0) {
      // A CRITICAL use case cannot be approved without an exception: those stay undecided, on purpose.
      const decided = await decideUseCase(org.as.COMPLIANCE_OFFICER, useCaseDecisionInput.parse({ useCaseId: useCase.id, outcome: "APPROVED", justification: "Reviewed the evidence in full", conditions: [] })).then(
        () => true,
        (error: { code?: string }) => {
          if (error.code !== "CONFLICT" && error.code !== "VALIDATION") throw error;
          return false;
        },
      );
      if (decided) approved++;
    }
  }
  return { productIds, approved };
}

async function cached(organizationId: string) {
  const [products, useCases] = await Promise.all([
    prisma.product.findMany({ where: { organizationId }, select: { id: true, currentScore: true, currentTier: true }, orderBy: { id: "asc" } }),
    prisma.useCase.findMany({ where: { organizationId }, select: { id: true, currentScore: true, currentTier: true, validUntil: true, validUntilWhy: true, nextReviewAt: true, suspendedAt: true, suspendedWhy: true }, orderBy: { id: "asc" } }),
  ]);
  // When a suspension started is the moment of the refresh, not a derived value: compare whether it is set.
  return { products, useCases: useCases.map((u) => ({ ...u, suspendedAt: u.suspendedAt !== null })) };
}

/** Clears every cached score, so the next refresh has to write them all. */
async function forget(organizationId: string) {
  await prisma.product.updateMany({ where: { organizationId }, data: { currentScore: null, currentTier: null } });
  await prisma.useCase.updateMany({ where: { organizationId }, data: { currentScore: null, currentTier: null, validUntil: null, validUntilWhy: null, nextReviewAt: null } });
}

describe("organisation-wide rescoring", () => {
  it("gives the same cached values as refreshing each product on its own", { timeout: 240_000 }, async () => {
    const org = await createTestOrganization("org-rescore");
    const ctx = org.as.ADMIN;
    const { approved } = await varied(org);
    expect(approved, "some use cases are approved, so valid-until and suspension are compared too").toBeGreaterThan(0);
    const asCreated = await cached(org.organizationId);
    expect(new Set(asCreated.products.map((p) => p.currentTier)).size).toBeGreaterThan(1);

    await forget(org.organizationId);
    const result = await refreshScoresNow(ctx, "ORGANIZATION");
    expect(result.products).toBe(await prisma.product.count({ where: { organizationId: org.organizationId } }));
    const orgWide = await cached(org.organizationId);

    await forget(org.organizationId);
    for (const productId of (await prisma.product.findMany({ where: { organizationId: org.organizationId }, select: { id: true } })).map((p) => p.id)) {
      await refreshScoresNow(ctx, { productIds: [productId] });
    }
    const perProduct = await cached(org.organizationId);

    expect(orgWide).toEqual(perProduct);
    expect(orgWide).toEqual(asCreated);
    expect(orgWide.products.every((p) => p.currentScore !== null && p.currentTier !== null)).toBe(true);
    // And each agrees with the live score the product page computes on its own.
    for (const p of orgWide.products) {
      const live = await liveProductScore(ctx, p.id);
      expect({ id: p.id, score: p.currentScore, tier: p.currentTier }).toEqual({ id: p.id, score: live.result.score, tier: live.result.tier });
    }
  });
});
