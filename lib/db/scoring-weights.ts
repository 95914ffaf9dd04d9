import "server-only";
import { withAudit } from "./audit";
import { refreshOrganizationOrMarkStale, refreshScoresNow } from "./score-refresh";
import { currentScoringModel } from "./scoring";
import type { TenantContext } from "./tenant";

/** New weights make a new model version; snapshots made with older versions keep theirs. */
export async function setScoringWeights(ctx: TenantContext, weights: { dpa: number; questionnaire: number; certifications: number }) {
  const current = await currentScoringModel(ctx);
  const after: { refresh: "REFRESHED" | "STALE" } = { refresh: "REFRESHED" };
  const saved = await withAudit(
    ctx,
    async (tx) => {
      const model = await tx.scoringModel.create({
        data: { organizationId: ctx.organizationId, version: current.version + 1, dpaWeight: weights.dpa, questionnaireWeight: weights.questionnaire, certificationWeight: weights.certifications, createdById: ctx.userId },
      });
      // New weights change every score in the organisation.
      after.refresh = await refreshOrganizationOrMarkStale(tx, ctx);
      return model;
    },
    (model) => ({
      action: "scoring.weights.change",
      entityType: "ScoringModel",
      entityId: model.id,
      summary: { before: { version: current.version, dpa: current.dpaWeight, questionnaire: current.questionnaireWeight, certifications: current.certificationWeight }, after: { version: model.version, ...weights } },
    }),
  );
  if (after.refresh === "STALE") await refreshScoresNow(ctx, "ORGANIZATION");
  return saved;
}
