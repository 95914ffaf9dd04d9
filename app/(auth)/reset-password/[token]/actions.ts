"use server";

import { headers } from "next/headers";
import { resetPasswordWithLink } from "@/lib/auth/change-password";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { fieldErrorsOf, type ActionResult } from "@/lib/http/action-result";
import { toFailure } from "@/lib/http/failure";
import { resetPasswordInput } from "@/lib/validation/password";

/** Public (the link is the credential): sets the new password once; every session of the person ends. */
export async function resetPasswordAction(raw: unknown): Promise<ActionResult<{ ok: true }>> {
  const parsed = resetPasswordInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const done = await resetPasswordWithLink(parsed.data, clientIpFrom(await headers()));
    if (!done) return { ok: false, error: "This link has expired or was already used. Ask your admin for a new one." };
    return { ok: true, data: { ok: true } };
  } catch (error) {
    return toFailure(error);
  }
}
