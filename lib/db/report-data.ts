import "server-only";
import { statusShownForUseCase } from "@/lib/domain/approvals/approval-validity";
import { addDays, calendarDateOfColumn } from "@/lib/domain/dates/calendar-date";
import { validityOf } from "@/lib/domain/evidence-validity";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";
import { RENEWAL_KIND_LABELS } from "@/lib/domain/renewals/renewal-schedule";
import { enumLabel } from "@/lib/domain/vocabulary";
import { audienceNote } from "@/lib/domain/reports/audience";
import { notFound } from "@/lib/errors/app-error";
import type { PortfolioReportData, ProductReportData } from "@/lib/pdf/report-data";
import { getAssessment } from "./assessments";
import { prisma } from "./prisma-client";
import { getProductOverview } from "./products";
import { collectRenewalItems } from "./renewals";
import { liveProductScore } from "./scoring";
import { getUseCaseOverview, listClientUseCases } from "./use-cases";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";

const PART_LABELS = { dpa: "DPA checklist", questionnaire: "Questionnaire", certifications: "Certifications" } as const;
const day = (d: Date | null) => (d ? calendarDateOfColumn(d) : null);
const yesNo = (v: boolean | null) => (v === null ? "Unknown" : v ? "Yes" : "No");
const VALIDITY_WORDS = { VALID: "Valid", EXPIRING: "Valid, expiring within 60 days", EXPIRED: "Expired", NO_EXPIRY: "No expiry date" } as const;

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
  const [{ product, activity }, live] = await Promise.all([getProductOverview(ctx, productId), liveProductScore(ctx, productId)]);
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

  let questionnaire: ProductReportData["questionnaire"] = null;
  if (latestAssessment) {
    const { assessment, version, answers } = await getAssessment(ctx, latestAssessment.id);
    questionnaire = {
      title: version.definition.name,
      submittedOn: day(assessment.submittedAt),
      sections: version.definition.sections.map((s) => ({
        title: s.title,
        answers: s.questions.map((q) => ({ prompt: q.prompt, answer: displayAnswer(q, answers[q.key]) || "Not answered" })),
      })),
    };
  }

  const dpa = product.dpas.find((d) => d.isCurrent) ?? null;
  const certifications = product.certifications.filter((c) => c.archivedAt === null);
  // Client walls (lib/domain/reports/audience.ts): a report scoped to a use case holds that
  // client's exceptions and dates only; a product-level report holds no client's at all.
  const exceptions = scoped ? scoped.exceptions.map((e) => ({ ...e, clientName: scoped.useCase.client.name })) : [];
  const dates = renewals
    .filter((r) => r.productId === productId && (r.clientId === null || (scoped !== null && r.clientId === scoped.useCase.clientId)))
    .map((r) => ({ label: `${RENEWAL_KIND_LABELS[r.kind]}: ${r.title}`, dueOn: r.dueOn }));
  const audit = [...useCaseActivity, ...activity]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, 20)
    .map((e) => ({ at: e.createdAt.toISOString().slice(0, 16).replace("T", " "), actor: e.actorLabel, action: e.action, summary: `${e.entityType}${e.entityId ? ` …${e.entityId.slice(-8)}` : ""}` }));

  const audience = { clientName: scoped ? scoped.useCase.client.name : null };
  return {
    kind: "PRODUCT",
    audience: { ...audience, note: audienceNote(audience, "PRODUCT") },
    vendor: { name: product.vendor.name, website: vendorWebsite?.website ?? null },
    product: {
      name: product.name,
      tier: enumLabel(product.tier),
      processingRegions: product.processingRegions,
      retention: product.retentionKind === "DAYS" ? `${product.retentionDays} days` : enumLabel(product.retentionKind),
      trainingOnCustomerData: enumLabel(product.trainingPolicy),
      encryption: `In transit: ${yesNo(product.encryptionInTransit)}; at rest: ${yesNo(product.encryptionAtRest)}`,
    },
    useCase: scoped
      ? {
          clientName: scoped.useCase.client.name,
          purpose: scoped.useCase.purpose,
          dataClasses: scoped.useCase.dataClasses.map(enumLabel),
          residency: enumLabel(scoped.useCase.client.residency),
          status: enumLabel(scoped.displayStatus),
          validUntil: day(scoped.useCase.validUntil),
          validUntilWhy: scoped.useCase.validUntilWhy,
        }
      : null,
    score: {
      score: result.score,
      tier: result.tier,
      tierReason: result.tierReason,
      modelVersion: result.modelVersion,
      parts: (["dpa", "questionnaire", "certifications"] as const).map((k) => ({ label: PART_LABELS[k], score: result.parts[k].score, weight: result.parts[k].weight })),
      contributions: result.contributions.map((c) => ({ part: PART_LABELS[c.part], item: c.item, points: c.points, of: c.of, note: c.note })),
    },
    decision: decision
      ? {
          outcome: enumLabel(decision.outcome),
          decidedBy: "decidedBy" in decision && typeof decision.decidedBy === "string" ? decision.decidedBy : names(decision.decidedById),
          decidedAt: decision.decidedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC",
          justification: decision.justification,
          conditions: decision.conditions.map((c) => ({ text: c.text, dueOn: day(c.dueAt), met: c.metAt !== null })),
        }
      : null,
    flags: result.flags.map((f) => ({ id: f.id, label: redFlagLabel(f.id), severity: f.severity, evidence: f.evidence })),
    dpa: dpa
      ? {
          title: dpa.title,
          signedOn: day(dpa.signedAt),
          expiresOn: day(dpa.expiresAt),
          breachNoticeHours: dpa.breachNoticeHours,
          transferMechanism: enumLabel(dpa.transferMechanism),
          clauses: dpa.clauses.map((c) => ({ label: enumLabel(c.clause), status: enumLabel(c.status), evidence: c.evidence })),
        }
      : null,
    certifications: certifications.map((c) => ({ name: c.name ?? enumLabel(c.type), issuer: c.issuer, issuedOn: day(c.issuedAt), expiresOn: day(c.expiresAt), validity: VALIDITY_WORDS[validityOf(c.expiresAt, today)] })),
    subProcessors: product.subProcessors.map((s) => ({ name: s.name, purpose: s.purpose, regions: [s.country, s.region].filter((x): x is string => Boolean(x)) })),
    questionnaire,
    exceptions: exceptions.map((e) => ({
      justification: `${e.clientName}: ${e.justification}`,
      riskAccepted: e.riskAccepted,
      clientConsent: e.clientConsent ? `Yes${e.consentBy ? `, by ${e.consentBy}` : ""}${e.consentAt ? ` on ${day(e.consentAt)}` : ""}` : "No",
      expiresOn: calendarDateOfColumn(e.expiresAt),
      grantedBy: e.grantedBy,
      status: e.revokedAt ? "Revoked" : e.active ? "Active" : "Expired",
    })),
    dates,
    audit,
  };
}

/** Every use case of one client with its product, status, tier, valid-until and open flags: for the client's board. */
export async function portfolioReportData(ctx: TenantContext, clientId: string, now = new Date()): Promise<PortfolioReportData> {
  const client = await prisma.client.findFirst({ where: inTenant(ctx, { id: clientId }), select: { id: true, name: true, residency: true, dataClasses: true, frameworks: true } });
  if (!client) throw notFound("client");
  const today = todayFor(ctx, now);
  const rows = await listClientUseCases(ctx, clientId, now);
  const useCases = await Promise.all(
    rows.map(async (row) => {
      const overview = await getUseCaseOverview(ctx, row.id, now);
      const status = statusShownForUseCase(overview.useCase.status, day(overview.useCase.validUntil), today, overview.useCase.suspendedAt !== null);
      return {
        product: `${overview.useCase.product.vendor.name} — ${overview.useCase.product.name}`,
        purpose: overview.useCase.purpose,
        status: enumLabel(status),
        rawStatus: status,
        tier: overview.score.result.tier,
        score: overview.score.result.score,
        validUntil: day(overview.useCase.validUntil),
        openFlags: overview.score.result.flags.map((f) => redFlagLabel(f.id)),
      };
    }),
  );
  const count = (pred: (u: (typeof useCases)[number]) => boolean) => useCases.filter(pred).length;
  return {
    kind: "PORTFOLIO",
    audience: { clientName: client.name, note: audienceNote({ clientName: client.name }, "PORTFOLIO") },
    client: { name: client.name, residency: enumLabel(client.residency), dataClasses: client.dataClasses.map(enumLabel), frameworks: client.frameworks.map(enumLabel) },
    useCases: useCases.map(({ rawStatus: _raw, ...u }) => u),
    summary: {
      total: useCases.length,
      approved: count((u) => u.rawStatus === "APPROVED" || u.rawStatus === "APPROVED_WITH_CONDITIONS"),
      lapsed: count((u) => u.rawStatus === "LAPSED"),
      rejected: count((u) => u.rawStatus === "REJECTED"),
      pending: count((u) => u.rawStatus === "PROPOSED"),
      critical: count((u) => u.tier === "CRITICAL"),
      high: count((u) => u.tier === "HIGH"),
    },
  };
}
