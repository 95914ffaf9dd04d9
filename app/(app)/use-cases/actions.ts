"use server";

import { revalidatePath } from "next/cache";
import { recordConditionMet } from "@/lib/db/conditions";
import { createUseCase, decideUseCase, revokeException } from "@/lib/db/use-cases";
import { guardedAction } from "@/lib/http/guarded-action";
import { conditionMetInput } from "@/lib/validation/decision";
import { revokeExceptionInput, useCaseDecisionInput, useCaseInput } from "@/lib/validation/use-case";

export const createUseCaseAction = guardedAction(useCaseInput, "usecase:write", async (actor, input) => {
  const useCase = await createUseCase(actor, input);
  revalidatePath(`/clients/${input.clientId}`);
  revalidatePath("/approvals");
  return { id: useCase.id };
});

export const decideUseCaseAction = guardedAction(
  useCaseDecisionInput,
  "assessment:decide",
  async (actor, input) => {
    await decideUseCase(actor, input);
    revalidatePath(`/use-cases/${input.useCaseId}`);
    revalidatePath("/approvals");
    return { id: input.useCaseId };
  },
  { requires: [{ permission: "exception:grant", when: (input) => input.exception !== null, message: "You do not have permission to grant exceptions." }] },
);

export const revokeExceptionAction = guardedAction(revokeExceptionInput, "exception:grant", async (actor, input) => {
  await revokeException(actor, input.exceptionId);
  revalidatePath(`/use-cases/${input.useCaseId}`);
  return { id: input.useCaseId };
});

export const recordConditionMetAction = guardedAction(conditionMetInput, "condition:record", async (actor, input) => {
  const result = await recordConditionMet(actor, input);
  // Shown on the use case or assessment page, and no longer on the renewals page or the dashboard.
  revalidatePath("/", "layout");
  return result;
});
