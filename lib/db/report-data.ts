import "server-only";
import { statusShownForUseCase } from "@/lib/domain/approvals/approval-validity";
import { addDays, calendarDateOfColumn } from "@/lib/domain/dates/calendar-date";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import { isVisible } from "@/lib/domain/questionnaire/rules";
import { certificationBadges } from "@/lib/domain/scoring/counting-evidence";
import { portfolioReportContent } from "@/lib/domain/reports/portfolio-report";
import { productReportContent, type ProductReportFacts } from "@/lib/domain/reports/product-report";
import { notFound } from "@/lib/errors/app-error";
import type { PortfolioReportData, ProductReportData } from "@/lib/pdf/report-data";
import { getAssessment } from "./assessments";
import { prisma } from "./prisma-client";
import { productContradictions } from "./contradictions";
import { getProductOverview } from "./products";
import { collectRenewalItems } from "./renewals";
import { currentScoringModel, liveProductScore } from "./scoring";
import { getUseCaseOverview, listClientUseCases } from "./use-cases";
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

/** Every use case of one client with its product, status, tier, valid-until and open flags: for the client's board. */
export async function portfolioReportData(ctx: TenantContext, clientId: string, now = new Date()): Promise<PortfolioReportData> {
  const client = await prisma.client.findFirst({ where: inTenant(ctx, { id: clientId }), select: { id: true, name: true, residency: true, dataClasses: true, frameworks: true } });
  if (!client) throw notFound("client");
  const today = todayFor(ctx, now);
  const rows = await listClientUseCases(ctx, clientId, now);
  const [useCases, model, org] = await Promise.all([
    Promise.all(
      rows.map(async (row) => {
        const overview = await getUseCaseOverview(ctx, row.id, now);
        return {
          vendorName: overview.useCase.product.vendor.name,
          productName: overview.useCase.product.name,
          purpose: overview.useCase.purpose,
          status: statusShownForUseCase(overview.useCase.status, day(overview.useCase.validUntil), today, overview.useCase.suspendedAt !== null),
          tier: overview.score.result.tier,
          score: overview.score.result.score,
          validUntil: day(overview.useCase.validUntil),
          flagIds: overview.score.result.flags.map((f) => f.id),
        };
      }),
    ),
    currentScoringModel(ctx),
    organizationName(ctx),
  ]);
  return portfolioReportContent({
    organizationName: org,
    client: { name: client.name, residency: client.residency, dataClasses: client.dataClasses, frameworks: client.frameworks },
    useCases,
    weights: { dpa: model.dpaWeight, questionnaire: model.questionnaireWeight, certifications: model.certificationWeight },
  });
}

async function organizationName(ctx: TenantContext) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  return org.name;
}
