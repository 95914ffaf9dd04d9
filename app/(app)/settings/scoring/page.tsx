import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ScoringWeightsFormView } from "@/components/scoring/scoring-weights-form";
import { requirePermission } from "@/lib/auth/session";
import { currentScoringModel } from "@/lib/db/scoring";
import { setScoringWeightsAction } from "./actions";

export const metadata: Metadata = { title: "Scoring" };

export default async function ScoringPage() {
  const actor = await requirePermission("scoring:manage");
  const model = await currentScoringModel(actor);
  return (
    <>
      <PageHeader
        title="Scoring"
        description="How much each part counts in a product's 0–100 score. Weights are relative (they need not add up to 100). A change makes a new scoring model version; snapshots keep the version they were made with."
      />
      <Card title={`Current model: version ${model.version}`}>
        <ScoringWeightsFormView initial={{ dpa: model.dpaWeight, questionnaire: model.questionnaireWeight, certifications: model.certificationWeight }} save={setScoringWeightsAction} />
      </Card>
    </>
  );
}
