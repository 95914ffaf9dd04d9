import type { Metadata } from "next";
import { SsoSettingsForm } from "@/components/settings/sso-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { ssoCallbackUrl } from "@/lib/auth/sso";
import { getSsoSettings } from "@/lib/db/sso";
import { saveSsoSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Single sign-on · Settings" };

export default async function SsoSettingsPage() {
  const actor = await requirePermission("organization:manage");
  const settings = await getSsoSettings(actor);
  return (
    <>
      <PageHeader title="Single sign-on" description="Sign in with your organisation's identity provider (OpenID Connect): Microsoft Entra ID, Google Workspace, Okta and the like. The README lists the exact settings for Entra ID and Google." />
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <Card title="Provider">
          <SsoSettingsForm
            hasSecret={settings !== null}
            save={saveSsoSettingsAction}
            initial={{
              enabled: settings?.enabled ?? false,
              displayName: settings?.displayName ?? "",
              issuer: settings?.issuer ?? "",
              clientId: settings?.clientId ?? "",
              clientSecret: "",
              allowedDomains: settings?.allowedDomains.join(", ") ?? "",
              jitRole: settings?.jitRole === "ACCOUNT_MANAGER" || settings?.jitRole === "COMPLIANCE_OFFICER" ? settings.jitRole : "NONE",
              passwordSignIn: settings?.passwordSignIn ?? true,
              acceptIdpMfa: settings?.acceptIdpMfa ?? false,
            }}
          />
        </Card>
        <Card title="At the identity provider">
          <p className="text-sm">Register Vetta as a web application with this redirect (callback) URI:</p>
          <code data-testid="sso-redirect-uri" className="mt-2 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs">
            {ssoCallbackUrl(actor.organizationId)}
          </code>
          <p className="mt-3 text-sm">Scopes: openid, email, profile. People are matched by their verified e-mail address.</p>
        </Card>
      </div>
    </>
  );
}
