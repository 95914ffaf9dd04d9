"use server";

import { revalidatePath } from "next/cache";
import { acceptAllProposals, applyDpaFact, decideProposal } from "@/lib/db/dpa-analyses";
import { getDpa } from "@/lib/db/dpas";
import { guardedAction } from "@/lib/http/guarded-action";
import { queueDpaAnalysis } from "@/lib/jobs/request-dpa-analysis";
import { acceptAllProposalsInput, applyDpaFactInput, decideProposalInput, requestDpaAnalysisInput } from "@/lib/validation/dpa-analysis";

/** The checklist, the score and the lists that show them changed (lib/db re-scored in the same transaction). */
function refresh(productId: string, dpaId: string) {
  revalidatePath(`/products/${productId}/dpas/${dpaId}`);
  revalidatePath(`/products/${productId}`);
  revalidatePath("/approvals");
  revalidatePath("/vendors", "layout");
}

export const requestDpaAnalysisAction = guardedAction(requestDpaAnalysisInput, "vendor:write", async (actor, { dpaId }) => {
  const dpa = await getDpa(actor, dpaId);
  const request = await queueDpaAnalysis(actor, dpaId);
  refresh(dpa.productId, dpaId);
  return { id: request.id };
});

export const decideProposalAction = guardedAction(decideProposalInput, "vendor:write", async (actor, input) => {
  const result = await decideProposal(actor, input.proposalId, input);
  refresh(result.productId, result.dpaId);
  return { clause: result.clause };
});

export const acceptAllProposalsAction = guardedAction(acceptAllProposalsInput, "vendor:write", async (actor, { analysisId }) => {
  const result = await acceptAllProposals(actor, analysisId);
  const dpa = await getDpa(actor, result.dpaId);
  refresh(dpa.productId, result.dpaId);
  return { accepted: result.decided.length };
});

export const applyDpaFactAction = guardedAction(applyDpaFactInput, "vendor:write", async (actor, { analysisId, fact }) => {
  const result = await applyDpaFact(actor, analysisId, fact);
  refresh(result.productId, result.dpaId);
  return { fact };
});
