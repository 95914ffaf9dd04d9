import type { Metadata } from "next";
import { SecurityPanel } from "@/components/account/security-panel";
import { requirePermission } from "@/lib/auth/session";
import { confirmMfaSetupAction, disableMfaAction, regenerateRecoveryCodesAction, startMfaSetupAction, changePasswordAction } from "@/app/(app)/account/security/actions";

export const metadata: Metadata = { title: "Account security" };

/** A client viewer's own two-step verification (optional for them). */
export default async function PortalSecurityPage() {
  const actor = await requirePermission("portal:view");
  return <SecurityPanel actor={actor} actions={{ start: startMfaSetupAction, confirm: confirmMfaSetupAction, regenerate: regenerateRecoveryCodesAction, disable: disableMfaAction, changePassword: changePasswordAction }} />;
}
