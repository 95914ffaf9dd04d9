import "server-only";
/**
 * DPA analyses and their proposals. An analysis is requested for a DPA with a file, run by the
 * worker (lib/jobs/dpa-analysis-jobs), and its twelve proposals wait for a person. Accepting or
 * changing one writes the checklist row through lib/db/dpas and re-scores the product in the same
 * audited transaction (score-refresh stays the one owner of cached scores); rejecting leaves the
 * checklist alone. Nothing the analyser says counts before that.
 */
import type { TextBlock } from "@/lib/domain/dpa-analysis/document";
import type { DpaAnalysis as AnalysisResult, DpaFacts, Evidence } from "@/lib/domain/dpa-analysis/types";
import type { ClauseStatus, DpaClause } from "@/lib/domain/vocabulary";
import { AppError, notFound } from "@/lib/errors/app-error";
import { withAudit } from "./audit";
import { setClauseCheck } from "./dpas";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import { refreshScores } from "./score-refresh";
import { inTenant, type TenantContext } from "./tenant";

export type AnalysisStatus = "QUEUED" | "READING" | "ANALYSING" | "DONE" | "FAILED";
export type ApplicableFact = "breachNoticeHours" | "transferMechanism" | "processingRegions";
const ACTIVE: AnalysisStatus[] = ["QUEUED", "READING", "ANALYSING"];
/** A job that has not moved for this long lost its worker (a crash): another may take it. */
const STALE_AFTER_SECONDS = 120;

/**
 * Queues an analysis of the DPA's current file, or returns the one already queued or running:
 * the DPA row is locked first, so forty clicks at once still make one analysis.
 */
export async function requestDpaAnalysis(ctx: TenantContext, dpaId: string): Promise<{ id: string; created: boolean }> {
  return withAudit(
    ctx,
    async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Dpa" WHERE "id" = ${dpaId} AND "organizationId" = ${ctx.organizationId} FOR UPDATE`;
      if (!locked.length) throw notFound("DPA");
      const dpa = await tx.dpa.findFirstOrThrow({ where: { id: dpaId }, select: { file: { select: { id: true, originalName: true } } } });
      if (!dpa.file) throw new AppError("VALIDATION", "Attach the DPA's document first: there is nothing to analyse.", { fileId: "Upload the DPA document." });
      const running = await tx.dpaAnalysis.findFirst({ where: inTenant(ctx, { dpaId, status: { in: ACTIVE } }), select: { id: true } });
      if (running) return { id: running.id, created: false };
      const created = await tx.dpaAnalysis.create({
        data: { organizationId: ctx.organizationId, dpaId, fileId: dpa.file.id, fileName: dpa.file.originalName, createdById: ctx.userId, actorLabel: ctx.actorLabel, ip: ctx.ip },
        select: { id: true },
      });
      return { id: created.id, created: true };
    },
    (result) => ({ action: result.created ? "dpa.analysis.request" : "dpa.analysis.request.joined", entityType: "Dpa", entityId: dpaId, summary: { analysisId: result.id } }),
  );
}

/** Takes a queued analysis (or one whose worker died) once; the file's stored record comes with it. */
export async function claimDpaAnalysis(id: string) {
  const rows = await prisma.$queryRaw<Array<{ id: string; organizationId: string; fileId: string; fileName: string }>>`
    UPDATE "DpaAnalysis" SET "status" = 'READING', "processed" = 0, "updatedAt" = now()
    WHERE "id" = ${id} AND ("status" = 'QUEUED'
      OR ("status" IN ('READING', 'ANALYSING') AND "updatedAt" < now() - make_interval(secs => ${STALE_AFTER_SECONDS})))
    RETURNING "id", "organizationId", "fileId", "fileName"`;
  const job = rows[0];
  if (!job) return null;
  const file = await prisma.evidenceFile.findFirst({ where: { id: job.fileId, organizationId: job.organizationId } });
  return { ...job, file };
}

export async function dpaAnalysesToResume() {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "DpaAnalysis"
    WHERE "status" = 'QUEUED' OR ("status" IN ('READING', 'ANALYSING') AND "updatedAt" < now() - make_interval(secs => ${STALE_AFTER_SECONDS}))`;
  return rows.map((r) => r.id);
}

export async function setDpaAnalysisProgress(id: string, status: "READING" | "ANALYSING", processed: number) {
  await prisma.dpaAnalysis.update({ where: { id }, data: { status, processed } });
}

/** Stores the text, the facts and the twelve proposals at once: a reviewer never sees half an analysis. */
export async function finishDpaAnalysis(id: string, outcome: { result: AnalysisResult; blocks: TextBlock[]; pageCount: number | null } | { error: string }) {
  if ("error" in outcome) {
    await prisma.dpaAnalysis.update({ where: { id }, data: { status: "FAILED", error: outcome.error, finishedAt: new Date() } });
    return;
  }
  const { result, blocks, pageCount } = outcome;
  await prisma.$transaction(async (tx) => {
    const analysis = await tx.dpaAnalysis.update({
      where: { id },
      data: { status: "DONE", processed: 12, ruleVersion: result.ruleVersion, pageCount, documentBlocks: blocks as unknown as Prisma.InputJsonArray, facts: result.facts as unknown as Prisma.InputJsonObject, finishedAt: new Date() },
      select: { organizationId: true },
    });
    await tx.dpaClauseProposal.createMany({
      data: Object.entries(result.clauses).map(([clause, p]) => ({
        organizationId: analysis.organizationId,
        analysisId: id,
        clause: clause as DpaClause,
        status: p.status,
        evidence: p.evidence as unknown as Prisma.InputJsonArray,
        reason: p.reason,
        confidence: p.confidence,
        ruleVersion: result.ruleVersion,
      })),
      skipDuplicates: true,
    });
  });
}

export type ProposalView = {
  id: string;
  clause: DpaClause;
  status: ClauseStatus;
  evidence: Evidence[];
  reason: string | null;
  confidence: number;
  ruleVersion: number;
  decision: "ACCEPTED" | "CHANGED" | "REJECTED" | null;
  decidedStatus: ClauseStatus | null;
  decidedAt: Date | null;
};

/** The DPA's newest analysis with its proposals and text, for the DPA page (null: never analysed). */
export async function latestDpaAnalysis(ctx: TenantContext, dpaId: string) {
  const analysis = await prisma.dpaAnalysis.findFirst({
    where: inTenant(ctx, { dpaId }),
    orderBy: { createdAt: "desc" },
    include: { proposals: true },
  });
  if (!analysis) return null;
  return {
    ...analysis,
    status: analysis.status as AnalysisStatus,
    blocks: (analysis.documentBlocks ?? []) as unknown as TextBlock[],
    facts: (analysis.facts ?? null) as unknown as DpaFacts | null,
    proposals: analysis.proposals.map((p) => ({ ...p, evidence: p.evidence as unknown as Evidence[], decision: p.decision as ProposalView["decision"] })) as ProposalView[],
  };
}

/** What the page polls while the worker runs. */
export async function dpaAnalysisStatus(ctx: TenantContext, id: string) {
  const analysis = await prisma.dpaAnalysis.findFirst({ where: inTenant(ctx, { id }), select: { id: true, status: true, processed: true, total: true, error: true } });
  if (!analysis) throw notFound("analysis");
  return { ...analysis, status: analysis.status as AnalysisStatus };
}

/** "7.1, p. 3: “quote”" — the checklist's evidence field, from the proposal's quotes. */
export function evidenceText(evidence: Evidence[]): string {
  return evidence
    .map((e) => `${[e.section, e.page ? `p. ${e.page}` : null].filter(Boolean).join(", ")}${e.section || e.page ? ": " : ""}“${e.quote}”`)
    .join("\n")
    .slice(0, 2000);
}

type Decision = { decision: "ACCEPTED" } | { decision: "REJECTED" } | { decision: "CHANGED"; status: ClauseStatus; evidence: string | null };

async function decideOne(tx: Tx, ctx: TenantContext, proposalId: string, decision: Decision) {
  const proposal = await tx.dpaClauseProposal.findFirst({ where: inTenant(ctx, { id: proposalId }), include: { analysis: { select: { dpaId: true, dpa: { select: { productId: true } } } } } });
  if (!proposal) throw notFound("proposal");
  const finalStatus = decision.decision === "CHANGED" ? decision.status : decision.decision === "ACCEPTED" ? proposal.status : null;
  // Decided once: of two reviewers deciding at the same moment, one wins and the other is told.
  const won = await tx.dpaClauseProposal.updateMany({
    where: { id: proposal.id, decision: null },
    data: { decision: decision.decision, decidedStatus: finalStatus, decidedById: ctx.userId, decidedAt: new Date() },
  });
  if (won.count !== 1) throw new AppError("CONFLICT", "Someone has already decided this proposal. Reload the page to see what they chose.");
  if (finalStatus) {
    // An accepted PARTIAL or MISSING keeps its reason: the checklist should say what is lacking.
    const quoted = evidenceText(proposal.evidence as unknown as Evidence[]);
    const accepted = proposal.status !== "PRESENT" && proposal.reason ? [quoted, `Why: ${proposal.reason}`].filter(Boolean).join("\n").slice(0, 2000) : quoted;
    const evidence = decision.decision === "CHANGED" ? decision.evidence : accepted || null;
    await setClauseCheck(tx, ctx, proposal.analysis.dpaId, proposal.clause, finalStatus, evidence);
  }
  return { clause: proposal.clause, proposed: proposal.status, decided: finalStatus, ruleVersion: proposal.ruleVersion, dpaId: proposal.analysis.dpaId, productId: proposal.analysis.dpa.productId };
}

export async function decideProposal(ctx: TenantContext, proposalId: string, decision: Decision) {
  return withAudit(
    ctx,
    async (tx) => {
      const result = await decideOne(tx, ctx, proposalId, decision);
      if (result.decided) await refreshScores(tx, ctx, { productIds: [result.productId] });
      return result;
    },
    (r) => ({
      action: `dpa.proposal.${decision.decision.toLowerCase()}`,
      entityType: "Dpa",
      entityId: r.dpaId,
      summary: { clause: r.clause, proposed: r.proposed, decided: r.decided, ruleVersion: r.ruleVersion, proposalId },
    }),
  );
}

/** Accepts every proposal of the analysis nobody has decided yet, in one transaction and one audit event. */
export async function acceptAllProposals(ctx: TenantContext, analysisId: string) {
  return withAudit(
    ctx,
    async (tx) => {
      const analysis = await tx.dpaAnalysis.findFirst({ where: inTenant(ctx, { id: analysisId, status: "DONE" }), select: { dpaId: true, dpa: { select: { productId: true } } } });
      if (!analysis) throw notFound("analysis");
      await tx.$queryRaw`SELECT "id" FROM "DpaAnalysis" WHERE "id" = ${analysisId} FOR UPDATE`;
      const open = await tx.dpaClauseProposal.findMany({ where: { analysisId, decision: null }, select: { id: true }, orderBy: { clause: "asc" } });
      const decided = [];
      for (const p of open) decided.push(await decideOne(tx, ctx, p.id, { decision: "ACCEPTED" }));
      if (decided.length) await refreshScores(tx, ctx, { productIds: [analysis.dpa.productId] });
      return { dpaId: analysis.dpaId, decided };
    },
    (r) => ({ action: "dpa.proposal.accept-all", entityType: "Dpa", entityId: r.dpaId, summary: { analysisId, clauses: r.decided.map((d) => `${d.clause}:${d.decided}`), ruleVersion: r.decided[0]?.ruleVersion ?? null } }),
  );
}

/**
 * Applies one proposed fact, once: breach notice hours and the transfer mechanism to the DPA,
 * the processing regions to the product; then re-scores. The DPA record knows SCCs and DPF only,
 * so UK IDTA and BCRs cannot be applied (the page says so).
 */
export async function applyDpaFact(ctx: TenantContext, analysisId: string, fact: ApplicableFact) {
  return withAudit(
    ctx,
    async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "DpaAnalysis" WHERE "id" = ${analysisId} AND "organizationId" = ${ctx.organizationId} AND "status" = 'DONE' FOR UPDATE`;
      if (!rows.length) throw notFound("analysis");
      const analysis = await tx.dpaAnalysis.findFirstOrThrow({ where: { id: analysisId }, select: { appliedFacts: true, facts: true, dpaId: true, dpa: { select: { productId: true, breachNoticeHours: true, transferMechanism: true, product: { select: { processingRegions: true } } } } } });
      if (analysis.appliedFacts.includes(fact)) throw new AppError("CONFLICT", "This fact has already been applied.");
      const facts = analysis.facts as unknown as DpaFacts;
      let before: unknown;
      let after: unknown;
      if (fact === "breachNoticeHours") {
        if (facts.breachNoticeHours === null) throw new AppError("VALIDATION", "The DPA states no breach-notice deadline to apply.");
        before = analysis.dpa.breachNoticeHours;
        after = facts.breachNoticeHours;
        await tx.dpa.update({ where: { id: analysis.dpaId }, data: { breachNoticeHours: facts.breachNoticeHours } });
      } else if (fact === "transferMechanism") {
        const mechanism = facts.transferMechanisms.includes("SCCS") ? "SCCS" : facts.transferMechanisms.includes("DPF") ? "DPF" : null;
        if (!mechanism) throw new AppError("VALIDATION", "Vetta records SCCs or the DPF as a DPA's transfer mechanism; the DPA names neither.");
        before = analysis.dpa.transferMechanism;
        after = mechanism;
        await tx.dpa.update({ where: { id: analysis.dpaId }, data: { transferMechanism: mechanism } });
      } else {
        if (!facts.processingRegions.length) throw new AppError("VALIDATION", "The DPA names no processing region to apply.");
        before = analysis.dpa.product.processingRegions;
        after = [...new Set([...analysis.dpa.product.processingRegions, ...facts.processingRegions])].sort();
        await tx.product.update({ where: { id: analysis.dpa.productId }, data: { processingRegions: after as string[] } });
      }
      await tx.dpaAnalysis.update({ where: { id: analysisId }, data: { appliedFacts: { push: fact } } });
      await refreshScores(tx, ctx, { productIds: [analysis.dpa.productId] });
      return { dpaId: analysis.dpaId, productId: analysis.dpa.productId, before, after };
    },
    (r) => ({ action: "dpa.fact.apply", entityType: fact === "processingRegions" ? "Product" : "Dpa", entityId: fact === "processingRegions" ? r.productId : r.dpaId, summary: { fact, before: r.before, after: r.after, analysisId } }),
  );
}

/** The file the DPA's newest analysis read (null: never analysed), so a new upload is analysed once. */
export async function lastAnalysedFileId(ctx: TenantContext, dpaId: string): Promise<string | null> {
  const last = await prisma.dpaAnalysis.findFirst({ where: inTenant(ctx, { dpaId }), orderBy: { createdAt: "desc" }, select: { fileId: true } });
  return last?.fileId ?? null;
}
