"use server";

import { hashPassword } from "@/lib/auth/password";
import { revokeVendorRequest, sendVendorRequest } from "@/lib/db/vendor-requests";
import { guardedAction } from "@/lib/http/guarded-action";
import { acceptAllPending, applyVendorFact, returnAnswersToVendor, reviewVendorAnswer } from "@/lib/db/vendor-request-review";
import { applyVendorFactInput, reviewVendorAnswerInput, sendVendorRequestInput, vendorRequestIdInput } from "@/lib/validation/vendor-request";

/** Sends a questionnaire to the vendor's contact; the link comes back once (only its hash is kept). */
export const sendVendorRequestAction = guardedAction(sendVendorRequestInput, "assessment:fill", async (actor, input) => {
  const sent = await sendVendorRequest(actor, { ...input, passcodeHash: input.passcode ? await hashPassword(input.passcode) : null });
  return { id: sent.id, url: sent.url, expiresAt: sent.expiresAt.toISOString() };
});

export const revokeVendorRequestAction = guardedAction(vendorRequestIdInput, "assessment:fill", async (actor, input) => {
  await revokeVendorRequest(actor, input.requestId);
  return { id: input.requestId };
});

/** Accept one vendor answer (it fills the assessment) or return it with a comment the vendor sees. */
export const reviewVendorAnswerAction = guardedAction(reviewVendorAnswerInput, "assessment:fill", async (actor, input) => {
  const result = await reviewVendorAnswer(actor, input);
  return { completed: result.completed, assessmentId: result.assessmentId };
});

export const returnAnswersToVendorAction = guardedAction(vendorRequestIdInput, "assessment:fill", async (actor, input) => returnAnswersToVendor(actor, input.requestId));

/** A fact the vendor gave (regions, retention, breach notice…) goes on the product record. */
export const applyVendorFactAction = guardedAction(applyVendorFactInput, "vendor:write", async (actor, input) => {
  await applyVendorFact(actor, input);
  return { id: input.requestId };
});

export const acceptAllPendingAction = guardedAction(vendorRequestIdInput, "assessment:fill", async (actor, input) => acceptAllPending(actor, input.requestId));
