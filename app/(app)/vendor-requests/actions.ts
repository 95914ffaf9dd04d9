"use server";

import { hashPassword } from "@/lib/auth/password";
import { revokeVendorRequest, sendVendorRequest } from "@/lib/db/vendor-requests";
import { guardedAction } from "@/lib/http/guarded-action";
import { sendVendorRequestInput, vendorRequestIdInput } from "@/lib/validation/vendor-request";

/** Sends a questionnaire to the vendor's contact; the link comes back once (only its hash is kept). */
export const sendVendorRequestAction = guardedAction(sendVendorRequestInput, "assessment:fill", async (actor, input) => {
  const sent = await sendVendorRequest(actor, { ...input, passcodeHash: input.passcode ? await hashPassword(input.passcode) : null });
  return { id: sent.id, url: sent.url, expiresAt: sent.expiresAt.toISOString() };
});

export const revokeVendorRequestAction = guardedAction(vendorRequestIdInput, "assessment:fill", async (actor, input) => {
  await revokeVendorRequest(actor, input.requestId);
  return { id: input.requestId };
});
