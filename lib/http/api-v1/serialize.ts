import type { ApiAssessmentDetailRow, ApiAssessmentRow, ApiCertificationRow, ApiClientRow, ApiDpaRow, ApiProductRow, ApiReportRow, ApiUseCaseRow, ApiVendorRow } from "@/lib/db/api-v1";
import type { RenewalItem } from "@/lib/db/renewals";
import { clauseLabel } from "@/lib/domain/vocabulary";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { booleanToTriState } from "@/lib/validation/product";

/** Database rows as /api/v1 shows them (the shapes of lib/validation/api-v1/resources.ts). */
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export const vendorBody = (v: ApiVendorRow) => ({
  id: v.id,
  name: v.name,
  website: v.website,
  description: v.description,
  isSample: v.isSample,
  archived: v.archivedAt !== null,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

export const productBody = (p: ApiProductRow) => ({
  id: p.id,
  vendorId: p.vendorId,
  vendorName: p.vendor.name,
  name: p.name,
  description: p.description,
  tier: p.tier,
  deploymentModel: p.deploymentModel,
  processingRegions: p.processingRegions,
  retentionKind: p.retentionKind,
  retentionDays: p.retentionDays,
  zeroRetentionAvailable: p.zeroRetentionAvailable,
  trainingPolicy: p.trainingPolicy,
  encryptionInTransit: booleanToTriState(p.encryptionInTransit),
  encryptionAtRest: booleanToTriState(p.encryptionAtRest),
  score: p.currentScore,
  riskTier: p.currentTier,
  isSample: p.isSample,
  archived: p.archivedAt !== null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** The product as the create/update schema reads it: a PATCH overlays its fields on this. */
export const productAsInput = (p: ApiProductRow) => {
  const { vendorId, name, description, tier, deploymentModel, processingRegions, retentionKind, retentionDays, zeroRetentionAvailable, trainingPolicy } = p;
  return {
    vendorId,
    name,
    description: description ?? undefined,
    tier,
    deploymentModel,
    processingRegions,
    retentionKind,
    retentionDays,
    zeroRetentionAvailable,
    trainingPolicy,
    encryptionInTransit: booleanToTriState(p.encryptionInTransit),
    encryptionAtRest: booleanToTriState(p.encryptionAtRest),
  };
};

export const scoreBody = (productId: string, r: ScoreResult) => ({
  productId,
  score: r.score,
  riskTier: r.tier,
  tierReason: r.tierReason,
  modelVersion: r.modelVersion,
  parts: r.parts,
  flags: r.flags.map((f) => ({ id: f.id, severity: f.severity, evidence: f.evidence })),
  contributions: r.contributions.filter((c) => !c.excluded).map((c) => ({ part: c.part, item: c.item, points: c.points, of: c.of, note: c.note })),
});

export const clientBody = (c: ApiClientRow) => ({
  id: c.id,
  name: c.name,
  dataClasses: c.dataClasses,
  residency: c.residency,
  frameworks: c.frameworks,
  contactEmail: c.contactEmail,
  notes: c.notes,
  archived: c.archivedAt !== null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const clientAsInput = (c: ApiClientRow) => ({ name: c.name, dataClasses: c.dataClasses, residency: c.residency, frameworks: c.frameworks, contactEmail: c.contactEmail, notes: c.notes });

export const vendorAsInput = (v: ApiVendorRow) => ({ name: v.name, website: v.website ?? undefined, description: v.description ?? undefined });

export const useCaseBody = (u: ApiUseCaseRow) => ({
  id: u.id,
  clientId: u.clientId,
  clientName: u.client.name,
  productId: u.productId,
  productName: u.product.name,
  vendorName: u.product.vendor.name,
  purpose: u.purpose,
  dataClasses: u.dataClasses,
  status: u.status,
  validUntil: day(u.validUntil),
  validUntilWhy: u.validUntilWhy,
  nextReviewAt: day(u.nextReviewAt),
  score: u.currentScore,
  riskTier: u.currentTier,
  suspended: u.suspendedAt !== null,
  suspendedWhy: u.suspendedWhy,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export const dpaBody = (d: ApiDpaRow) => ({
  id: d.id,
  productId: d.productId,
  title: d.title,
  signedAt: day(d.signedAt),
  effectiveAt: day(d.effectiveAt),
  expiresAt: day(d.expiresAt),
  breachNoticeHours: d.breachNoticeHours,
  transferMechanism: d.transferMechanism,
  isCurrent: d.isCurrent,
  hasFile: d.fileId !== null,
  notes: d.notes,
  clauses: d.clauses.map((c) => ({ clause: c.clause, label: clauseLabel(c.clause), status: c.status, evidence: c.evidence })),
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

export const certificationBody = (c: ApiCertificationRow) => ({
  id: c.id,
  productId: c.productId,
  type: c.type,
  name: c.name,
  issuer: c.issuer,
  scope: c.scope,
  issuedAt: day(c.issuedAt),
  expiresAt: day(c.expiresAt),
  fileId: c.fileId,
  archived: c.archivedAt !== null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** The certification as its form's schema reads it: a PATCH overlays its fields on this. */
export const certificationAsInput = (c: ApiCertificationRow) => ({
  productId: c.productId,
  type: c.type,
  name: c.name,
  issuer: c.issuer ?? undefined,
  scope: c.scope,
  issuedAt: day(c.issuedAt) ?? undefined,
  expiresAt: day(c.expiresAt) ?? undefined,
  fileId: c.fileId,
});

export const assessmentBody = (a: ApiAssessmentRow) => ({
  id: a.id,
  productId: a.productId,
  productName: a.product.name,
  templateVersionId: a.templateVersionId,
  status: a.status,
  submittedAt: a.submittedAt?.toISOString() ?? null,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  answerCount: a._count.answers,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export const assessmentDetailBody = (a: ApiAssessmentDetailRow) => ({
  ...assessmentBody(a),
  answers: a.answers.map((x) => ({
    questionKey: x.question.key,
    prompt: x.question.prompt,
    value: x.value ?? null,
    comment: x.comment,
    answeredByVendorContact: x.vendorContactName,
    updatedAt: x.updatedAt.toISOString(),
  })),
});

export const renewalBody = (r: RenewalItem) => ({
  kind: r.kind,
  itemId: r.itemId,
  dueOn: r.dueOn,
  title: r.title,
  detail: r.detail,
  clientId: r.clientId,
  clientName: r.clientName,
  productId: r.productId,
  productName: r.productName,
  action: r.action,
});

export const reportBody = (r: ApiReportRow) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  productId: r.productId,
  clientId: r.clientId,
  useCaseId: r.useCaseId,
  contentSha256: r.contentSha256,
  pdfSha256: r.pdfSha256,
  createdAt: r.createdAt.toISOString(),
});
