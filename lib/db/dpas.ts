import "server-only";
import { DPA_CLAUSES, type ClauseStatus as ClauseStatusValue, type DpaClause } from "@/lib/domain/vocabulary";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { DpaInput } from "@/lib/validation/evidence";
import { withAudit } from "./audit";
import { refreshScores } from "./score-refresh";
import { prisma, type Tx } from "./prisma-client";
import { productInTenant } from "./products";
import { inTenant, type TenantContext } from "./tenant";

async function requireFile(tx: Tx, ctx: TenantContext, fileId: string | null) {
  if (!fileId) return null;
  const file = await tx.evidenceFile.findFirst({ where: inTenant(ctx, { id: fileId }), select: { id: true } });
  if (!file) throw new AppError("VALIDATION", "That file does not exist.", { fileId: "Upload the document again." });
  return file.id;
}

/** Every clause gets a row; those the form did not send are MISSING, so the checklist is always whole. */
function clauseRows(input: DpaInput) {
  const given = new Map(input.clauses.map((c) => [c.clause, c]));
  return DPA_CLAUSES.map((clause) => ({ clause, status: given.get(clause)?.status ?? "MISSING", evidence: given.get(clause)?.evidence ?? null }));
}

/**
 * Records a DPA version with its whole clause checklist in one transaction. When it is marked
 * current, the product's previous current DPA stops being current (one current DPA per product).
 */
export async function createDpa(ctx: TenantContext, input: DpaInput) {
  await productInTenant(ctx, input.productId);
  const { clauses: _clauses, ...fields } = input;
  const clauses = clauseRows(input);
  return withAudit(
    ctx,
    async (tx) => {
      const fileId = await requireFile(tx, ctx, input.fileId);
      if (input.isCurrent) {
        await tx.dpa.updateMany({ where: inTenant(ctx, { productId: input.productId, isCurrent: true }), data: { isCurrent: false } });
      }
      const dpa = await tx.dpa.create({
        data: {
          ...fields,
          fileId,
          organizationId: ctx.organizationId,
          clauses: { create: clauses.map((c) => ({ ...c, organizationId: ctx.organizationId })) },
        },
        select: { id: true, productId: true },
      });
      await refreshScores(tx, ctx, { productIds: [input.productId] });
      return dpa;
    },
    (dpa) => ({ action: "dpa.create", entityType: "Dpa", entityId: dpa.id, summary: { after: { ...fields, clauses: clauses.map((c) => `${c.clause}:${c.status}`) } } }),
  );
}

export async function updateDpa(ctx: TenantContext, id: string, input: DpaInput) {
  const before = await prisma.dpa.findFirst({ where: inTenant(ctx, { id }), include: { clauses: true } });
  if (!before || before.productId !== input.productId) throw notFound("DPA");
  const { clauses: _clauses, ...fields } = input;
  const clauses = clauseRows(input);
  const beforeClauses = Object.fromEntries(before.clauses.map((c) => [c.clause, c.status]));
  const changedClauses = clauses.filter((c) => beforeClauses[c.clause] !== c.status).map((c) => `${c.clause}:${beforeClauses[c.clause] ?? "none"}→${c.status}`);
  return withAudit(
    ctx,
    async (tx) => {
      const fileId = await requireFile(tx, ctx, input.fileId);
      if (input.isCurrent && !before.isCurrent) {
        await tx.dpa.updateMany({ where: inTenant(ctx, { productId: input.productId, isCurrent: true }), data: { isCurrent: false } });
      }
      await tx.dpa.update({ where: { id }, data: { ...fields, fileId } });
      for (const c of clauses) {
        await tx.dpaClauseCheck.upsert({
          where: { dpaId_clause: { dpaId: id, clause: c.clause } },
          create: { ...c, dpaId: id, organizationId: ctx.organizationId },
          update: { status: c.status, evidence: c.evidence },
        });
      }
      await refreshScores(tx, ctx, { productIds: [input.productId] });
      return { id, productId: input.productId };
    },
    () => ({ action: "dpa.update", entityType: "Dpa", entityId: id, summary: { changedClauses, after: { title: fields.title, expiresAt: fields.expiresAt, isCurrent: fields.isCurrent } } }),
  );
}

export async function getDpa(ctx: TenantContext, id: string) {
  const dpa = await prisma.dpa.findFirst({
    where: inTenant(ctx, { id }),
    include: { clauses: true, file: { select: { id: true, originalName: true, sizeBytes: true } }, product: { select: { id: true, name: true, vendorId: true, currentScore: true, currentTier: true, processingRegions: true } } },
  });
  if (!dpa) throw notFound("DPA");
  return dpa;
}

/**
 * One checklist row set from a reviewed analyser proposal (lib/db/dpa-analyses), inside the
 * caller's audited transaction. The caller refreshes the product's scores in the same
 * transaction: clause statuses change here and only here, and the score follows them.
 */
export async function setClauseCheck(tx: Tx, ctx: TenantContext, dpaId: string, clause: DpaClause, status: ClauseStatusValue, evidence: string | null) {
  await tx.dpaClauseCheck.upsert({
    where: { dpaId_clause: { dpaId, clause } },
    create: { dpaId, clause, status, evidence, organizationId: ctx.organizationId },
    update: { status, evidence },
  });
}
