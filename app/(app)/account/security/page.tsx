import type { Metadata } from "next";
import { SecurityPanel } from "@/components/account/security-panel";
import { requirePermission } from "@/lib/auth/session";
import { confirmMfaSetupAction, disableMfaAction, regenerateRecoveryCodesAction, startMfaSetupAction, changePasswordAction } from "@/app/(app)/account/security/actions";

export const metadata: Metadata = { title: "Account security" };

export default async function SecurityPage() {
  const actor = await requirePermission("account:self");
  return <SecurityPanel actor={actor} actions={{ start: startMfaSetupAction, confirm: confirmMfaSetupAction, regenerate: regenerateRecoveryCodesAction, disable: disableMfaAction, changePassword: changePasswordAction }} />;
}
