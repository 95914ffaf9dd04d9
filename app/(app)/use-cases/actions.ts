"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { can } from "@/lib/auth/permissions";
import { recordConditionMet } from "@/lib/db/conditions";
import { createUseCase, decideUseCase, revokeException } from "@/lib/db/use-cases";
import { AppError } from "@/lib/errors/app-error";
import { conditionMetInput } from "@/lib/validation/decision";
import { useCaseDecisionInput, useCaseInput } from "@/lib/validation/use-case";

const create = guardedAction("usecase:write", useCaseInput, async (actor, input) => {
  const useCase = await createUseCase(actor, input);
  revalidatePath(`/clients/${input.clientId}`);
  revalidatePath("/approvals");
  return { id: useCase.id };
});

const decide = guardedAction("assessment:decide", useCaseDecisionInput, async (actor, input) => {
  if (input.exception && !can(actor.role, "exception:grant")) throw new AppError("FORBIDDEN", "You do not have permission to grant exceptions.");
  await decideUseCase(actor, input);
  revalidatePath(`/use-cases/${input.useCaseId}`);
  revalidatePath("/approvals");
  return { id: input.useCaseId };
});

const revoke = guardedAction("exception:grant", z.object({ exceptionId: z.string().min(1).max(64), useCaseId: z.string().min(1).max(64) }), async (actor, input) => {
  await revokeException(actor, input.exceptionId);
  revalidatePath(`/use-cases/${input.useCaseId}`);
  return { id: input.useCaseId };
});

const conditionMet = guardedAction("condition:record", conditionMetInput, async (actor, input) => {
  const result = await recordConditionMet(actor, input);
  // Shown on the use case or assessment page, and no longer on the renewals page or the dashboard.
  revalidatePath("/", "layout");
  return result;
});

export async function createUseCaseAction(raw: unknown) {
  return create(raw);
}
export async function decideUseCaseAction(raw: unknown) {
  return decide(raw);
}
export async function revokeExceptionAction(raw: unknown) {
  return revoke(raw);
}
export async function recordConditionMetAction(raw: unknown) {
  return conditionMet(raw);
}
