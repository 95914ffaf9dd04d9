import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { ConditionMetInput } from "@/lib/validation/decision";
import { withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

/**
 * Records that a condition of an approval has been met, with how (the evidence a reviewer or an
 * auditor will ask for). From then on it leaves the renewals list and its reminders stop. A
 * condition is recorded once: a second attempt, even a concurrent one, is refused.
 */
export async function recordConditionMet(ctx: TenantContext, input: ConditionMetInput, now = new Date()) {
  const condition = await prisma.decisionCondition.findFirst({
    where: inTenant(ctx, { id: input.conditionId }),
    select: { id: true, text: true, metAt: true, decision: { select: { id: true, useCaseId: true, assessmentId: true } } },
  });
  if (!condition) throw notFound("condition");
  const alreadyMet = () => new AppError("CONFLICT", "This condition is already recorded as met.");
  if (condition.metAt) throw alreadyMet();
  const { decision } = condition;
  if (!(await decisionsInForce(ctx, [decision.id])).has(decision.id)) {
    throw new AppError("CONFLICT", "A later decision has replaced the one this condition belongs to; record the conditions of the decision in force.");
  }
  return withAudit(
    ctx,
    async (tx) => {
      // Guarded on metAt so that of two people recording it at once, one wins and the other is told.
      const { count } = await tx.decisionCondition.updateMany({
        where: { id: condition.id, metAt: null, ...tenant(ctx) },
        data: { metAt: now, metById: ctx.userId, metNote: input.note },
      });
      if (count !== 1) throw alreadyMet();
      return { id: condition.id };
    },
    () => ({
      action: "condition.met",
      entityType: decision.useCaseId ? "UseCase" : "Assessment",
      entityId: decision.useCaseId ?? decision.assessmentId,
      summary: { after: { conditionId: condition.id, decisionId: decision.id, condition: condition.text, note: input.note } },
    }),
  );
}


/**
 * Which of these decisions are still in force: the latest decision on its use case, or for a
 * product-level decision the latest product-level decision on its product. The conditions of a
 * superseded decision are history: no reminders, nothing to record.
 */
export async function decisionsInForce(ctx: TenantContext, decisionIds: string[]): Promise<Set<string>> {
  if (decisionIds.length === 0) return new Set();
  const asked = await prisma.decision.findMany({
    where: { id: { in: [...new Set(decisionIds)] }, ...tenant(ctx) },
    select: { id: true, useCaseId: true, assessment: { select: { productId: true } } },
  });
  const useCaseIds = [...new Set(asked.flatMap((d) => (d.useCaseId ? [d.useCaseId] : [])))];
  const productIds = [...new Set(asked.flatMap((d) => (d.useCaseId ? [] : [d.assessment.productId])))];
  const [useCaseLatest, productLatest] = await Promise.all([
    useCaseIds.length
      ? prisma.decision.findMany({ where: { useCaseId: { in: useCaseIds }, ...tenant(ctx) }, orderBy: [{ decidedAt: "desc" }, { id: "desc" }], distinct: ["useCaseId"], select: { id: true } })
      : [],
    productIds.length
      ? prisma.decision.findMany({ where: { useCaseId: null, assessment: { productId: { in: productIds } }, ...tenant(ctx) }, orderBy: [{ decidedAt: "desc" }, { id: "desc" }], select: { id: true, assessment: { select: { productId: true } } } })
      : [],
  ]);
  const inForce = new Set(useCaseLatest.map((d) => d.id));
  const seenProducts = new Set<string>();
  for (const d of productLatest) {
    if (seenProducts.has(d.assessment.productId)) continue;
    seenProducts.add(d.assessment.productId);
    inForce.add(d.id);
  }
  return inForce;
}
