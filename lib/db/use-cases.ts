import "server-only";
import { approvalValidity, reliedOnCertifications, statusShownForUseCase } from "@/lib/domain/approvals/approval-validity";
import { checkUseCaseDecision, coveringException, exceptionInForce, MAX_EXCEPTION_MONTHS } from "@/lib/domain/approvals/decision-policy";
import { calendarDateOfColumn, toDateColumn } from "@/lib/domain/dates/calendar-date";
import { enumLabel } from "@/lib/domain/vocabulary";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { UseCaseDecisionInput, UseCaseInput } from "@/lib/validation/use-case";
import { withAudit } from "./audit";
import { emitWebhookEvent } from "./webhooks";
import { prisma, Prisma } from "./prisma-client";
import { withPeopleNamed } from "./reviews";
import { refreshScores } from "./score-refresh";
import { liveUseCaseScore } from "./scoring";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";

export { MAX_EXCEPTION_MONTHS };

export async function createUseCase(ctx: TenantContext, input: UseCaseInput) {
  const [client, product] = await Promise.all([
    prisma.client.findFirst({ where: inTenant(ctx, { id: input.clientId, archivedAt: null }), select: { id: true, residency: true } }),
    prisma.product.findFirst({ where: inTenant(ctx, { id: input.productId, archivedAt: null }), select: { id: true } }),
  ]);
  if (!client) throw new AppError("VALIDATION", "Choose an active client.", { clientId: "Choose an active client." });
  if (!product) throw new AppError("VALIDATION", "Choose an active product.", { productId: "Choose an active product." });
  return withAudit(
    ctx,
    async (tx) => {
      const useCase = await tx.useCase.create({ data: { ...input, organizationId: ctx.organizationId, ownerId: ctx.userId }, select: { id: true } });
      // Scored in the same transaction, so the matrix shows its tier the moment it exists.
      await refreshScores(tx, ctx, { useCaseIds: [useCase.id] });
      const scored = await tx.useCase.findUniqueOrThrow({ where: { id: useCase.id }, select: { currentScore: true, currentTier: true } });
      return { id: useCase.id, tier: scored.currentTier, score: scored.currentScore };
    },
    (useCase) => ({ action: "usecase.create", entityType: "UseCase", entityId: useCase.id, summary: { after: { ...input, tier: useCase.tier, score: useCase.score } } }),
  ).catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "This client already has a use case of this product with that purpose.", { purpose: "This client already uses this product for that purpose." });
    }
    throw error;
  });
}

async function loadUseCaseInTenant(ctx: TenantContext, id: string) {
  const useCase = await prisma.useCase.findFirst({
    where: inTenant(ctx, { id }),
    include: { client: true, product: { include: { vendor: { select: { id: true, name: true } } } } },
  });
  if (!useCase) throw notFound("use case");
  return useCase;
}

/** The submitted assessment a use-case decision relies on: the product's latest one that was not rejected or sent back. */
function reliedOnAssessment(ctx: TenantContext, productId: string) {
  return prisma.assessment.findFirst({
    where: { productId, status: { in: ["SUBMITTED", "APPROVED", "APPROVED_WITH_CONDITIONS"] }, ...tenant(ctx) },
    orderBy: { submittedAt: "desc" },
    select: { id: true, status: true, submittedAt: true, submittedById: true },
  });
}

const activeException = <E extends { revokedAt: Date | null; expiresAt: Date }>(exceptions: E[], today: string) =>
  exceptions.find((e) => exceptionInForce({ revokedAt: e.revokedAt, expiresAt: calendarDateOfColumn(e.expiresAt)! }, today)) ?? null;

/** Everything the use-case page shows, with the live score (and its per-use-case flags) and the status as of today. */
export async function getUseCaseOverview(ctx: TenantContext, id: string, now = new Date()) {
  const useCase = await loadUseCaseInTenant(ctx, id);
  const today = todayFor(ctx, now);
  const [score, assessment, decisions, exceptions] = await Promise.all([
    liveUseCaseScore(ctx, useCase, now),
    reliedOnAssessment(ctx, useCase.productId),
    prisma.decision.findMany({ where: inTenant(ctx, { useCaseId: id }), orderBy: { decidedAt: "desc" }, include: { conditions: { orderBy: [{ dueAt: "asc" }, { id: "asc" }] } } }).then((d) => withPeopleNamed(ctx, d)),
    prisma.riskException.findMany({ where: inTenant(ctx, { useCaseId: id }), orderBy: { createdAt: "desc" } }),
  ]);
  const userIds = [...new Set([...exceptions.map((e) => e.grantedById), ...(assessment?.submittedById ? [assessment.submittedById] : [])])];
  const users = await prisma.user.findMany({ where: { id: { in: userIds }, memberships: { some: tenant(ctx) } }, select: { id: true, name: true, email: true } });
  const nameOf = (userId: string | null) => users.find((u) => u.id === userId)?.name ?? "a former user";
  return {
    useCase,
    displayStatus: statusShownForUseCase(useCase.status, calendarDateOfColumn(useCase.validUntil), today, useCase.suspendedAt !== null),
    score,
    assessment: assessment ? { ...assessment, submittedBy: nameOf(assessment.submittedById) } : null,
    decisions,
    exceptions: exceptions.map((e) => ({ ...e, grantedBy: nameOf(e.grantedById), active: activeException([e], today) !== null })),
    // The exception that would let an approval stand today: in force and accepting every critical flag the use case has now.
    activeException: coveringException(
      exceptions.map((e) => ({ ...e, expiresAt: calendarDateOfColumn(e.expiresAt)! })),
      score.result.flags.filter((f) => f.severity === "critical").map((f) => f.id),
      today,
    ),
    today,
  };
}

/**
 * SECURITY-CRITICAL (separation of duties, exceptions, once only). The compliance decision for one
 * client's use of a product. lib/domain/approvals/decision-policy says whether it may be made (the
 * submitter of the relied-on assessment cannot decide; CRITICAL needs an exception accepting its
 * critical flags; dates after today); this loads the facts and writes. The use case moves only if
 * nobody changed it since it was read, so of two decisions arriving at once one lands and the other
 * gets a CONFLICT. An approval is valid until the earliest of its own expiry, the next review, and
 * the expiry of the evidence and exception it relied on (kept current by lib/db/score-refresh).
 */
export async function decideUseCase(ctx: TenantContext, input: UseCaseDecisionInput, now = new Date()) {
  const useCase = await loadUseCaseInTenant(ctx, input.useCaseId);
  if (useCase.client.archivedAt || useCase.product.archivedAt) throw new AppError("CONFLICT", "The client or the product is archived: restore it before deciding.");
  const today = todayFor(ctx, now);
  const [assessment, { input: scoringInput, result, model }, existing] = await Promise.all([
    reliedOnAssessment(ctx, useCase.productId),
    liveUseCaseScore(ctx, useCase, now),
    prisma.riskException.findMany({ where: inTenant(ctx, { useCaseId: useCase.id }) }),
  ]);
  const approving = input.outcome !== "REJECTED";
  const newException = approving ? input.exception : null;
  const criticalFlags = result.flags.filter((f) => f.severity === "critical").map((f) => f.id);
  const verdict = checkUseCaseDecision({
    today,
    deciderId: ctx.userId,
    submitterId: assessment?.submittedById ?? null,
    hasSubmittedAssessment: assessment !== null,
    outcome: input.outcome,
    tier: result.tier,
    criticalFlags,
    ownExpiry: calendarDateOfColumn(input.expiresAt),
    newException: newException ? { expiresAt: calendarDateOfColumn(newException.expiresAt)!, consentAt: calendarDateOfColumn(newException.consentAt) } : null,
    existingExceptions: existing.map((e) => ({ id: e.id, expiresAt: calendarDateOfColumn(e.expiresAt)!, revokedAt: e.revokedAt, acceptedFlags: e.acceptedFlags })),
  });
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message, verdict.fieldErrors);
  if (!assessment) throw new AppError("CONFLICT", "The product has no submitted assessment yet.");
  const existingInForce = verdict.exception && verdict.exception !== "NEW" ? (existing.find((e) => e.id === (verdict.exception as { existingId: string }).existingId) ?? null) : null;
  const exceptionInForceNow = newException ?? existingInForce;

  // The evidence the approval relies on: the current DPA and the certifications that earned the score.
  const [dpa, certifications] = await Promise.all([
    prisma.dpa.findFirst({ where: inTenant(ctx, { productId: useCase.productId, isCurrent: true }), select: { id: true, title: true, expiresAt: true } }),
    prisma.certification.findMany({ where: inTenant(ctx, { productId: useCase.productId, archivedAt: null }), select: { id: true, type: true, expiresAt: true } }),
  ]);
  const relied = reliedOnCertifications(
    certifications.map((c) => ({ ...c, expiresAt: calendarDateOfColumn(c.expiresAt) })),
    today,
    useCase.dataClasses,
  );
  const validity = approving
    ? approvalValidity({
        decidedOn: today,
        tier: result.tier,
        ownExpiry: calendarDateOfColumn(input.expiresAt),
        dpa: dpa ? { id: dpa.id, label: `the DPA "${dpa.title}"`, expiresAt: calendarDateOfColumn(dpa.expiresAt) } : null,
        certifications: relied.map((c) => ({ id: c.id, label: `the ${enumLabel(c.type)} certification`, expiresAt: c.expiresAt })),
        exception: exceptionInForceNow && result.tier === "CRITICAL" ? { expiresAt: calendarDateOfColumn(exceptionInForceNow.expiresAt)! } : null,
      })
    : null;

  return withAudit(
    ctx,
    async (tx) => {
      // The transition is the check: only the use case as we read it moves (a decision that landed
      // changed updatedAt; one in progress holds the row, and SKIP LOCKED fails the others at once).
      const claimed = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT "id" FROM "UseCase" WHERE "id" = ${useCase.id} AND "organizationId" = ${ctx.organizationId} AND "updatedAt" = ${useCase.updatedAt} FOR UPDATE SKIP LOCKED`;
      const moved = claimed.length !== 1 ? { count: 0 } : await tx.useCase.updateMany({
        where: { id: useCase.id, ...tenant(ctx) },
        data: {
          status: input.outcome,
          // What the previous decision derived no longer holds. The new values (score, tier,
          // valid-until, next review, suspension) are computed by their one owner,
          // lib/db/score-refresh.ts, once the decision below is recorded.
          validUntil: null,
          validUntilWhy: null,
          nextReviewAt: null,
          // A new decision ends a suspension: it was made on the use case as it is now.
          suspendedAt: null,
          suspendedWhy: null,
        },
      });
      if (moved.count !== 1) throw new AppError("CONFLICT", "Someone else changed or decided this use case a moment ago. Reload it to see the decision on record before deciding again.");
      const exception = newException
        ? await tx.riskException.create({
            data: {
              organizationId: ctx.organizationId,
              useCaseId: useCase.id,
              justification: newException.justification,
              riskAccepted: newException.riskAccepted,
              clientConsent: newException.clientConsent === "YES",
              consentBy: newException.consentBy,
              consentAt: newException.consentAt,
              expiresAt: newException.expiresAt,
              // What the exception accepts: the critical flags the use case has now; a flag raised later is not covered.
              acceptedFlags: criticalFlags,
              grantedById: ctx.userId,
            },
            select: { id: true },
          })
        : null;
      const snapshot = await tx.scoreSnapshot.create({
        data: {
          organizationId: ctx.organizationId,
          productId: useCase.productId,
          assessmentId: assessment.id,
          useCaseId: useCase.id,
          scoringModelId: model.id,
          score: result.score,
          tier: result.tier,
          inputs: scoringInput as unknown as Prisma.InputJsonValue,
          result: result as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      // The exception the approval stands on (none needed below CRITICAL).
      const exceptionId = exception?.id ?? (approving && result.tier === "CRITICAL" ? (existingInForce?.id ?? null) : null);
      const decision = await tx.decision.create({
        data: {
          organizationId: ctx.organizationId,
          assessmentId: assessment.id,
          useCaseId: useCase.id,
          outcome: input.outcome,
          justification: input.justification,
          decidedById: ctx.userId,
          validUntil: validity ? toDateColumn(validity.validUntil) : null,
          reliedOn: {
            assessmentId: assessment.id,
            dpa: dpa ? { id: dpa.id, expiresAt: calendarDateOfColumn(dpa.expiresAt) } : null,
            certifications: relied,
            ownExpiry: calendarDateOfColumn(input.expiresAt),
            why: validity?.why ?? null,
          },
          snapshotId: snapshot.id,
          exceptionId,
          conditions: { create: input.conditions.map((c) => ({ organizationId: ctx.organizationId, text: c.text, dueAt: c.dueAt })) },
        },
        select: { id: true },
      });
      await refreshScores(tx, ctx, { useCaseIds: [useCase.id] });
      await emitWebhookEvent(tx, ctx.organizationId, "decision.made", {
        decisionId: decision.id,
        useCaseId: useCase.id,
        clientId: useCase.clientId,
        productId: useCase.productId,
        outcome: input.outcome,
        tier: result.tier,
        score: result.score,
        validUntil: validity?.validUntil ?? null,
        decidedBy: ctx.actorLabel,
      });
      return { decision, exceptionId };
    },
    ({ decision, exceptionId }) => ({
      action: `usecase.decide.${input.outcome.toLowerCase()}`,
      entityType: "UseCase",
      entityId: useCase.id,
      summary: {
        after: {
          decisionId: decision.id,
          outcome: input.outcome,
          justification: input.justification,
          tier: result.tier,
          score: result.score,
          validUntil: validity?.validUntil ?? null,
          why: validity?.why ?? null,
          exceptionId,
          conditions: input.conditions.length,
        },
      },
    }),
  );
}

/** Withdraws an exception; an approval that needed it is no longer backed, so the use case goes back to PROPOSED. */
export async function revokeException(ctx: TenantContext, exceptionIdToRevoke: string) {
  const exception = await prisma.riskException.findFirst({ where: inTenant(ctx, { id: exceptionIdToRevoke, revokedAt: null }), include: { useCase: true } });
  if (!exception) throw notFound("exception");
  const lastDecision = await prisma.decision.findFirst({ where: inTenant(ctx, { useCaseId: exception.useCaseId }), orderBy: { decidedAt: "desc" }, select: { exceptionId: true } });
  const backedApproval = lastDecision?.exceptionId === exception.id;
  return withAudit(
    ctx,
    async (tx) => {
      // Conditional: of two revocations at once, one lands.
      const revoked = await tx.riskException.updateMany({ where: { id: exception.id, revokedAt: null, ...tenant(ctx) }, data: { revokedAt: new Date() } });
      if (revoked.count !== 1) throw new AppError("CONFLICT", "This exception was already revoked.");
      if (backedApproval) await tx.useCase.update({ where: { id: exception.useCaseId }, data: { status: "PROPOSED", validUntil: null, validUntilWhy: null, nextReviewAt: null, suspendedAt: null, suspendedWhy: null } });
      else await refreshScores(tx, ctx, { useCaseIds: [exception.useCaseId] });
      return { id: exception.id };
    },
    () => ({ action: "exception.revoke", entityType: "UseCase", entityId: exception.useCaseId, summary: { after: { exceptionId: exception.id, approvalWithdrawn: backedApproval } } }),
  );
}

/** One client's use cases with their status as of today. */
export async function listClientUseCases(ctx: TenantContext, clientId: string, now = new Date()) {
  const today = todayFor(ctx, now);
  const rows = await prisma.useCase.findMany({
    where: inTenant(ctx, { clientId }),
    orderBy: [{ product: { name: "asc" } }, { purpose: "asc" }],
    include: { product: { select: { id: true, name: true, vendor: { select: { name: true } } } } },
  });
  return rows.map((u) => ({ ...u, displayStatus: statusShownForUseCase(u.status, calendarDateOfColumn(u.validUntil), today, u.suspendedAt !== null) }));
}

/** One product's use cases across clients, with their status as of today. */
export async function listProductUseCases(ctx: TenantContext, productId: string, now = new Date()) {
  const today = todayFor(ctx, now);
  const rows = await prisma.useCase.findMany({
    where: inTenant(ctx, { productId }),
    orderBy: [{ client: { name: "asc" } }, { purpose: "asc" }],
    include: { client: { select: { id: true, name: true } } },
  });
  return rows.map((u) => ({ ...u, displayStatus: statusShownForUseCase(u.status, calendarDateOfColumn(u.validUntil), today, u.suspendedAt !== null) }));
}
