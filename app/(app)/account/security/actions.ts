"use server";

import { revalidatePath } from "next/cache";
import { renderSVG } from "uqr";
import { z } from "zod";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { guardedAction } from "@/lib/auth/guarded-action";
import { confirmMfaSetup, disableMfa, regenerateRecoveryCodes, startMfaSetup } from "@/lib/db/mfa";
import { mfaCodeInput } from "@/lib/validation/auth";
import { changePasswordInput } from "@/lib/validation/password";

const start = guardedAction("account:self", z.object({}).strict(), async (actor) => {
  const { secret, uri } = await startMfaSetup(actor, `Vetta (${actor.organizationName})`);
  // Drawn here from our own URI, so the secret never goes to a QR service.
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
});

const confirm = guardedAction("account:self", mfaCodeInput, async (actor, input) => {
  // No revalidation here: the page would re-render and lose the recovery codes before they are
  // read. "I have saved them" refreshes it.
  return { codes: await confirmMfaSetup(actor, input.code) };
});

const regenerate = guardedAction("account:self", mfaCodeInput, async (actor, input) => ({ codes: await regenerateRecoveryCodes(actor, input.code) }));

const disable = guardedAction("account:self", mfaCodeInput, async (actor, input) => {
  await disableMfa(actor, input.code);
  revalidatePath("/account/security");
  revalidatePath("/portal/security");
  return { ok: true };
});

export async function startMfaSetupAction(raw: unknown) {
  return start(raw);
}
export async function confirmMfaSetupAction(raw: unknown) {
  return confirm(raw);
}
export async function regenerateRecoveryCodesAction(raw: unknown) {
  return regenerate(raw);
}
export async function disableMfaAction(raw: unknown) {
  return disable(raw);
}

const changePassword = guardedAction("account:self", changePasswordInput, async (actor, input) => {
  await changeOwnPassword(actor, input);
  return { ok: true };
});

/** Staff and client viewers alike: current password, new password twice; other sessions end. */
export async function changePasswordAction(raw: unknown) {
  return changePassword(raw);
}
