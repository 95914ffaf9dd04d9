import "server-only";
import { diffSubProcessors, isEmptyDiff } from "@/lib/domain/sub-processor-diff";
import type { SubProcessorListInput } from "@/lib/validation/evidence";
import { withAudit } from "./audit";
import { refreshScores } from "./score-refresh";
import { prisma } from "./prisma-client";
import { productInTenant } from "./products";
import { inTenant, type TenantContext } from "./tenant";

/**
 * Replaces a product's sub-processor list and records what changed (added, removed, changed) as a
 * history entry, so the list's evolution can be shown as a diff. No change, no history entry.
 */
export async function replaceSubProcessors(ctx: TenantContext, input: SubProcessorListInput) {
  await productInTenant(ctx, input.productId);
  const current = await prisma.subProcessor.findMany({ where: inTenant(ctx, { productId: input.productId }), orderBy: { name: "asc" } });
  const diff = diffSubProcessors(current, input.items);
  if (isEmptyDiff(diff)) return { changed: false };
  await withAudit(
    ctx,
    async (tx) => {
      await tx.subProcessor.deleteMany({ where: inTenant(ctx, { productId: input.productId }) });
      await tx.subProcessor.createMany({ data: input.items.map((i) => ({ ...i, productId: input.productId, organizationId: ctx.organizationId })) });
      await tx.subProcessorChange.create({
        data: {
          organizationId: ctx.organizationId,
          productId: input.productId,
          added: diff.added.map((a) => ({ ...a })),
          removed: diff.removed.map((r) => ({ ...r })),
          changed: diff.changed.map((c) => ({ before: { ...c.before }, after: { ...c.after } })),
          changedById: ctx.userId,
        },
      });
      await refreshScores(tx, ctx, { productIds: [input.productId] });
    },
    () => ({
      action: "subprocessors.update",
      entityType: "Product",
      entityId: input.productId,
      summary: { added: diff.added.map((a) => a.name), removed: diff.removed.map((r) => r.name), changed: diff.changed.map((c) => c.after.name) },
    }),
  );
  return { changed: true };
}
