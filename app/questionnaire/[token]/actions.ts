"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { unlockVendorLink, VENDOR_COOKIE } from "@/lib/auth/vendor-link-access";
import { serverEnv } from "@/lib/config/server-env";
import { saveVendorAnswer, submitVendorAnswers } from "@/lib/db/vendor-request-link";
import { fieldErrorsOf, type ActionResult } from "@/lib/http/action-result";
import { toFailure } from "@/lib/http/failure";
import { findNulText, NUL_MESSAGE } from "@/lib/http/refuse-bad-text";
import { currentVisitor, requireVendorLink } from "@/lib/http/vendor-link-request";
import { vendorSaveAnswerInput, vendorSubmitInput, vendorUnlockInput } from "@/lib/validation/vendor-request";

/**
 * The vendor's actions through the link (no account: the token in the input is the credential,
 * checked, rate-limited and logged by requireVendorLink). Same shape as every other action:
 * NUL check → parse → run → ActionResult.
 */

export async function saveVendorAnswerAction(raw?: unknown): Promise<ActionResult<{ savedAt: string }>> {
  try {
    const nulAt = findNulText(raw);
    if (nulAt !== null) return { ok: false, error: `${nulAt}: ${NUL_MESSAGE}`, fieldErrors: { [nulAt]: NUL_MESSAGE } };
    const parsed = vendorSaveAnswerInput.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
    const { token, ...parts } = parsed.data;
    const { request, visitor } = await requireVendorLink(token);
    const { savedAt } = await saveVendorAnswer(request, parts, visitor);
    return { ok: true, data: { savedAt: savedAt.toISOString() } };
  } catch (error) {
    return toFailure(error);
  }
}

export async function submitVendorAnswersAction(raw?: unknown): Promise<ActionResult<{ submittedAt: string }>> {
  try {
    const parsed = vendorSubmitInput.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "This link is not valid.", fieldErrors: fieldErrorsOf(parsed.error) };
    const { request, visitor } = await requireVendorLink(parsed.data.token);
    const { submittedAt } = await submitVendorAnswers(request, visitor);
    return { ok: true, data: { submittedAt: submittedAt.toISOString() } };
  } catch (error) {
    return toFailure(error);
  }
}

/** The passcode form: a right passcode leaves a proof cookie scoped to this link's path for 12 hours. */
export async function unlockVendorLinkAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  if (!(form instanceof FormData)) return { ok: false, error: "Enter the passcode.", fieldErrors: { passcode: "Enter the passcode." } };
  const parsed = vendorUnlockInput.safeParse({ token: form.get("token"), passcode: form.get("passcode") });
  if (!parsed.success) return { ok: false, error: "Enter the passcode.", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await unlockVendorLink(parsed.data.token, parsed.data.passcode, await currentVisitor());
  if (!result.ok) {
    if (result.reason === "NOT_FOUND") redirect(`/questionnaire/${parsed.data.token}`);
    const message = result.reason === "LOCKED" ? "Too many wrong passcodes. Try again in 15 minutes." : "That passcode is not right.";
    return { ok: false, error: message, fieldErrors: { passcode: message } };
  }
  const cookieOptions = { httpOnly: true, sameSite: "strict" as const, secure: serverEnv.servedOverHttps(), maxAge: 12 * 3600 };
  const jar = await cookies();
  // The page and the upload route both need it.
  jar.set(VENDOR_COOKIE, result.proof, { ...cookieOptions, path: `/questionnaire/${parsed.data.token}` });
  jar.set(VENDOR_COOKIE, result.proof, { ...cookieOptions, path: `/api/vendor-requests/${parsed.data.token}` });
  redirect(`/questionnaire/${parsed.data.token}`);
}
