"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { serverEnv } from "@/lib/config/server-env";
import { SHARE_COOKIE, unlockSharedReport } from "@/lib/auth/share-access";
import { fieldErrorsOf, type ActionResult } from "@/lib/http/action-result";
import { unlockShareInput } from "@/lib/validation/reports";

/**
 * The passcode form of a shared report (no account: the link is the credential). A right passcode
 * leaves a proof cookie scoped to this link's path for an hour; ten wrong ones lock it for 15 minutes.
 */
export async function unlockShareAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  if (!(form instanceof FormData)) return { ok: false, error: "Enter the passcode.", fieldErrors: { passcode: "Enter the passcode." } };
  const parsed = unlockShareInput.safeParse({ token: form.get("token"), passcode: form.get("passcode") });
  if (!parsed.success) return { ok: false, error: "Enter the passcode.", fieldErrors: fieldErrorsOf(parsed.error) };
  const h = await headers();
  const result = await unlockSharedReport(parsed.data.token, parsed.data.passcode, { ip: clientIpFrom(h), userAgent: h.get("user-agent") });
  if (!result.ok) {
    if (result.reason === "NOT_FOUND") redirect(`/share/${parsed.data.token}`);
    const message = result.reason === "LOCKED" ? "Too many wrong passcodes. Try again in 15 minutes." : "That passcode is not right.";
    return { ok: false, error: message, fieldErrors: { passcode: message } };
  }
  (await cookies()).set(SHARE_COOKIE, result.proof, {
    httpOnly: true,
    sameSite: "strict",
    secure: serverEnv.servedOverHttps(),
    path: `/share/${parsed.data.token}`,
    maxAge: 3600,
  });
  redirect(`/share/${parsed.data.token}`);
}
