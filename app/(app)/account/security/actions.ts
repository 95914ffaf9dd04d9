"use server";

import { revalidatePath } from "next/cache";
import { renderSVG } from "uqr";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { confirmMfaSetup, disableMfa, regenerateRecoveryCodes, startMfaSetup } from "@/lib/db/mfa";
import { guardedAction } from "@/lib/http/guarded-action";
import { mfaCodeInput, startMfaSetupInput } from "@/lib/validation/auth";
import { changePasswordInput } from "@/lib/validation/password";

export const startMfaSetupAction = guardedAction(startMfaSetupInput, "account:self", async (actor) => {
  const { secret, uri } = await startMfaSetup(actor, `Vetta (${actor.organizationName})`);
  // Drawn here from our own URI, so the secret never goes to a QR service.
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
});

export const confirmMfaSetupAction = guardedAction(mfaCodeInput, "account:self", async (actor, input) => {
  // No revalidation here: the page would re-render and lose the recovery codes before they are
  // read. "I have saved them" refreshes it.
  return { codes: await confirmMfaSetup(actor, input.code) };
});

export const regenerateRecoveryCodesAction = guardedAction(mfaCodeInput, "account:self", async (actor, input) => ({ codes: await regenerateRecoveryCodes(actor, input.code) }));

export const disableMfaAction = guardedAction(mfaCodeInput, "account:self", async (actor, input) => {
  await disableMfa(actor, input.code);
  revalidatePath("/account/security");
  revalidatePath("/portal/security");
  return { ok: true };
});

/** Staff and client viewers alike: current password, new password twice; other sessions end. */
export const changePasswordAction = guardedAction(changePasswordInput, "account:self", async (actor, input) => {
  await changeOwnPassword(actor, input);
  return { ok: true };
});
