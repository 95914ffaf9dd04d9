"use server";

import { SSO_ERRORS, ssoProviderId } from "@/lib/auth/sso";
import { ssoForEmail } from "@/lib/db/sso";
import { fieldErrorsOf, type ActionResult } from "@/lib/http/action-result";
import { toFailure } from "@/lib/http/failure";
import { ssoDiscoveryInput } from "@/lib/validation/sso";

/**
 * Public: which identity provider an address signs in with, found by its domain. It says only
 * whether a domain uses single sign-on (as every such login page does), never who has an account.
 */
export async function discoverSsoAction(raw: unknown): Promise<ActionResult<{ providerId: string; displayName: string }>> {
  const parsed = ssoDiscoveryInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "Enter your work e-mail address.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const found = await ssoForEmail(parsed.data.email);
    if (!found) return { ok: false, error: SSO_ERRORS.SsoUnavailable, fieldErrors: { email: SSO_ERRORS.SsoUnavailable } };
    if ("ambiguous" in found) return { ok: false, error: SSO_ERRORS.SsoAmbiguous, fieldErrors: { email: SSO_ERRORS.SsoAmbiguous } };
    return { ok: true, data: { providerId: ssoProviderId(found.organizationId), displayName: found.displayName } };
  } catch (error) {
    return toFailure(error);
  }
}
