import "server-only";
import { statusShownForUseCase } from "@/lib/domain/approvals/approval-validity";
import { addDays, calendarDateOfColumn } from "@/lib/domain/dates/calendar-date";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import { isVisible } from "@/lib/domain/questionnaire/rules";
import { certificationBadges } from "@/lib/domain/scoring/counting-evidence";
import { portfolioReportContent } from "@/lib/domain/reports/portfolio-report";
import { scoreProduct } from "@/lib/domain/scoring/score-product";
import type { DataClass, Residency } from "@/lib/domain/vocabulary";
import { productReportContent, type ProductReportFacts } from "@/lib/domain/reports/product-report";
import { notFound } from "@/lib/errors/app-error";
import type { PortfolioReportData, ProductReportData } from "@/lib/pdf/report-data";
import { getAssessment } from "./assessments";
import { prisma } from "./prisma-client";
import { productContradictions } from "./contradictions";
import { getProductOverview } from "./products";
import { collectRenewalItems } from "./renewals";
import { currentScoringModel, liveProductScore, loadScoringInputs, weightsOf } from "./scoring";
import { getUseCaseOverview } from "./use-cases";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";

/**
 * Loads what a risk report shows; the wording is lib/domain/reports (product-report.ts,
 * portfolio-report.ts), so this file only reads the register.
 */
const day = (d: Date | null) => (d ? calendarDateOfColumn(d) : null);

async function namesOf(ctx: TenantContext, ids: string[]) {
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] }, memberships: { some: tenant(ctx) } }, select: { id: true, name: true } });
  return (id: string | null) => users.find((u) => u.id === id)?.name ?? "a former user";
}

/**
 * Everything a product risk report shows, as of now, in display words (PRODUCT.md "What a risk
 * report contains"). Scoped to one client's use case when `useCaseId` is given: the score then
 * carries that use case's flags, and the decision, exceptions and dates are the use case's.
 */
export async function productReportData(ctx: TenantContext, target: { productId: string; useCaseId?: string | null }, now = new Date()): Promise<ProductReportData> {
  const today = todayFor(ctx, now);
  const scoped = target.useCaseId ? await getUseCaseOverview(ctx, target.useCaseId, now) : null;
  const productId = scoped ? scoped.useCase.productId : target.productId;
  const [{ product, activity }, live, org, contradictions] = await Promise.all([getProductOverview(ctx, productId), liveProductScore(ctx, productId), organizationName(ctx), productContradictions(ctx, productId)]);
  const result = scoped ? scoped.score.result : live.result;

  const [productDecision, latestAssessment, renewals, useCaseActivity] = await Promise.all([
    scoped
      ? null
      : prisma.decision.findFirst({ where: inTenant(ctx, { useCaseId: null, assessment: { productId } }), orderBy: { decidedAt: "desc" }, include: { conditions: true } }),
    prisma.assessment.findFirst({ where: { productId, submittedAt: { not: null }, status: { in: ["SUBMITTED", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] }, ...tenant(ctx) }, orderBy: { submittedAt: "desc" }, select: { id: true } }),
    collectRenewalItems(ctx, { until: addDays(today, 730) }),
    scoped ? prisma.auditEvent.findMany({ where: inTenant(ctx, { entityType: "UseCase", entityId: scoped.useCase.id }), orderBy: { seq: "desc" }, take: 15 }) : [],
  ]);

  const vendorWebsite = await prisma.vendor.findFirst({ where: inTenant(ctx, { id: product.vendorId }), select: { website: true } });
  const decision = scoped ? (scoped.decisions[0] ?? null) : productDecision;
  const names = await namesOf(ctx, decision ? [decision.decidedById] : []);

  let questionnaire: ProductReportFacts["questionnaire"] = null;
  const questionText: Record<string, string> = {};
  if (latestAssessment) {
    const { assessment, version, answers } = await getAssessment(ctx, latestAssessment.id);
    for (const q of version.definition.sections.flatMap((s) => s.questions)) questionText[q.key] = q.prompt;
    const values = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value]));
    const byKey = new Map(version.definition.sections.flatMap((s) => s.questions).map((q) => [q.key, q] as const));
    questionnaire = {
      title: version.definition.name,
      submittedOn: day(assessment.submittedAt),
      sections: version.definition.sections.map((s) => ({
        title: s.title,
        // A question hidden by its show-when rule was not asked (and is left out of the score).
        answers: s.questions.map((q) => ({ prompt: q.prompt, answer: isVisible(q, values, byKey) ? displayAnswer(q, answers[q.key]) || "Not answered" : "Not asked" })),
      })),
    };
  }

  const dpa = product.dpas.find((d) => d.isCurrent) ?? null;
  const standing = certificationBadges(product.certifications);
  // Client walls (lib/domain/reports/audience.ts): a report scoped to a use case holds that
  // client's exceptions and dates only; a product-level report holds no client's at all.
  const exceptions = scoped ? scoped.exceptions : [];
  const renewalRows = renewals.filter((r) => r.productId === productId && (r.clientId === null || (scoped !== null && r.clientId === scoped.useCase.clientId)));
  const audit = [...useCaseActivity, ...activity].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 20);

  return productReportContent({
    today,
    organizationName: org,
    vendor: { name: product.vendor.name, website: vendorWebsite?.website ?? null },
    product: {
      name: product.name,
      tier: product.tier,
      processingRegions: product.processingRegions,
      retentionKind: product.retentionKind,
      retentionDays: product.retentionDays,
      trainingPolicy: product.trainingPolicy,
      encryptionInTransit: product.encryptionInTransit,
      encryptionAtRest: product.encryptionAtRest,
    },
    useCase: scoped
      ? {
          clientName: scoped.useCase.client.name,
          purpose: scoped.useCase.purpose,
          dataClasses: scoped.useCase.dataClasses,
          residency: scoped.useCase.client.residency,
          displayStatus: scoped.displayStatus,
          validUntil: day(scoped.useCase.validUntil),
          validUntilWhy: scoped.useCase.validUntilWhy,
        }
      : null,
    score: result,
    questionText,
    contradictions: [
      ...contradictions.open.map((c) => ({ title: c.title, left: c.left, right: c.right, acknowledgement: null })),
      ...contradictions.acknowledged.map((c) => ({ title: c.title, left: c.left, right: c.right, acknowledgement: { reason: c.acknowledgement.reason, by: c.acknowledgement.by, at: c.acknowledgement.at.toISOString() } })),
    ],
    decision: decision
      ? {
          outcome: decision.outcome,
          decidedBy: "decidedBy" in decision && typeof decision.decidedBy === "string" ? decision.decidedBy : names(decision.decidedById),
          decidedAt: decision.decidedAt.toISOString(),
          decidedOn: todayFor(ctx, decision.decidedAt),
          justification: decision.justification,
          conditions: decision.conditions.map((c) => ({ text: c.text, dueOn: day(c.dueAt), met: c.metAt !== null })),
        }
      : null,
    dpa: dpa
      ? {
          title: dpa.title,
          signedOn: day(dpa.signedAt),
          expiresOn: day(dpa.expiresAt),
          breachNoticeHours: dpa.breachNoticeHours,
          transferMechanism: dpa.transferMechanism,
          clauses: dpa.clauses.map((c) => ({ clause: c.clause, status: c.status, evidence: c.evidence })),
        }
      : null,
    certifications: product.certifications
      .filter((c) => c.archivedAt === null)
      .map((c) => ({ name: c.name, type: c.type, issuer: c.issuer, issuedOn: day(c.issuedAt), expiresOn: day(c.expiresAt), standing: standing.get(c.id) ?? "COUNTS" })),
    subProcessors: product.subProcessors.map((s) => ({ name: s.name, purpose: s.purpose, country: s.country, region: s.region })),
    questionnaire,
    exceptions: exceptions.map((e) => ({
      justification: e.justification,
      riskAccepted: e.riskAccepted,
      clientConsent: e.clientConsent,
      consentBy: e.consentBy,
      consentOn: day(e.consentAt),
      expiresOn: calendarDateOfColumn(e.expiresAt),
      grantedBy: e.grantedBy,
      revoked: e.revokedAt !== null,
      active: e.active,
      acceptedFlags: acceptedFlagsOf(e),
    })),
    renewals: renewalRows.map((r) => ({ kind: r.kind, title: r.title, dueOn: r.dueOn })),
    audit: audit.map((e) => ({ at: e.createdAt.toISOString(), actor: e.actorLabel, action: e.action, entityType: e.entityType })),
  });
}

/** The flags an exception names (issue 15.7 adds them to exceptions); null when it names none, so the summary says the critical flags it stood for. */
function acceptedFlagsOf(e: object): string[] | null {
  const flags = (e as { acceptedFlags?: unknown }).acceptedFlags;
  return Array.isArray(flags) && flags.length > 0 && flags.every((f) => typeof f === "string") ? (flags as string[]) : null;
}

interface PortfolioRow {
  clientName: string;
  residency: string;
  clientDataClasses: string[] | null;
  frameworks: string[] | null;
  organizationName: string;
  modelVersion: number | null;
  dpaWeight: number | null;
  questionnaireWeight: number | null;
  certificationWeight: number | null;
  useCaseId: string | null;
  productId: string | null;
  purpose: string | null;
  status: string | null;
  validUntil: Date | null;
  suspendedAt: Date | null;
  dataClasses: DataClass[] | null;
  productName: string | null;
  vendorName: string | null;
}

/**
 * Every use case of one client with its product, status, tier, valid-until and open flags: for the
 * client's board. Issue 17: a fixed number of queries however many use cases the client has (the
 * client, its organisation's name and weights and its use cases with their product and vendor
 * names in one; the products' scoring inputs in the few set-based ones of loadScoringInputs), then
 * each use case is scored in memory exactly as its own page scores it (liveUseCaseScore).
 */
export async function portfolioReportData(ctx: TenantContext, clientId: string, now = new Date()): Promise<PortfolioReportData> {
  const today = todayFor(ctx, now);
  // Ordered as the client's use-case list (listClientUseCases): by product name, then purpose.
  const rows = await prisma.$queryRaw<PortfolioRow[]>`
    SELECT c."name" AS "clientName", c."residency"::text AS "residency", c."dataClasses"::text[] AS "clientDataClasses", c."frameworks"::text[] AS "frameworks",
           o."name" AS "organizationName",
           m."version" AS "modelVersion", m."dpaWeight", m."questionnaireWeight", m."certificationWeight",
           u."id" AS "useCaseId", u."productId", u."purpose", u."status"::text AS "status", u."validUntil", u."suspendedAt", u."dataClasses"::text[] AS "dataClasses",
           p."name" AS "productName", v."name" AS "vendorName"
    FROM "Client" c
    JOIN "Organization" o ON o."id" = c."organizationId"
    LEFT JOIN LATERAL (
      SELECT "version", "dpaWeight", "questionnaireWeight", "certificationWeight" FROM "ScoringModel"
      WHERE "organizationId" = c."organizationId" ORDER BY "version" DESC LIMIT 1
    ) m ON true
    LEFT JOIN "UseCase" u ON u."clientId" = c."id" AND u."organizationId" = c."organizationId"
    LEFT JOIN "Product" p ON p."id" = u."productId" AND p."organizationId" = c."organizationId"
    LEFT JOIN "Vendor" v ON v."id" = p."vendorId" AND v."organizationId" = c."organizationId"
    WHERE c."id" = ${clientId} AND c."organizationId" = ${ctx.organizationId}
    ORDER BY p."name" ASC, u."purpose" ASC`;
  const head = rows[0];
  if (!head) throw notFound("client");
  // An organisation that never saved weights gets version 1 with the defaults, as everywhere else.
  const model =
    head.modelVersion !== null
      ? { version: head.modelVersion, dpaWeight: head.dpaWeight!, questionnaireWeight: head.questionnaireWeight!, certificationWeight: head.certificationWeight! }
      : await currentScoringModel(ctx);
  const useCaseRows = rows.filter((r) => r.useCaseId !== null);
  const { inputs } = await loadScoringInputs(prisma, ctx, useCaseRows.map((r) => r.productId!), today);
  const weights = weightsOf(model);
  const useCases = useCaseRows.map((row) => {
    const base = inputs.get(row.productId!)!;
    const result = scoreProduct({ ...base, useCase: { residency: head.residency as Residency, dataClasses: row.dataClasses ?? [] } }, weights, model.version);
    return {
      vendorName: row.vendorName!,
      productName: row.productName!,
      purpose: row.purpose!,
      status: statusShownForUseCase(row.status!, day(row.validUntil), today, row.suspendedAt !== null),
      tier: result.tier,
      score: result.score,
      validUntil: day(row.validUntil),
      flagIds: result.flags.map((f) => f.id),
    };
  });
  return portfolioReportContent({
    organizationName: head.organizationName,
    // (An empty array column can come back from raw SQL as null.)
    client: { name: head.clientName, residency: head.residency, dataClasses: head.clientDataClasses ?? [], frameworks: head.frameworks ?? [] },
    useCases,
    weights: { dpa: model.dpaWeight, questionnaire: model.questionnaireWeight, certifications: model.certificationWeight },
  });
}

async function organizationName(ctx: TenantContext) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  return org.name;
}
