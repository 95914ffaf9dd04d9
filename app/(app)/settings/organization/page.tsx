import type { Metadata } from "next";
import { OrganizationLogoForm } from "@/components/settings/organization-logo-form";
import { OrganizationSettingsForm } from "@/components/settings/organization-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getOrganizationLogo } from "@/lib/db/organization-logo";
import { getOrganizationSettings } from "@/lib/db/organizations";
import { todayFor } from "@/lib/db/tenant";
import { TIME_ZONES } from "@/lib/validation/organization";
import { updateOrganizationSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Organisation" };

export default async function OrganizationSettingsPage() {
  const actor = await requirePermission("organization:manage");
  const [settings, logo] = await Promise.all([getOrganizationSettings(actor), getOrganizationLogo(actor)]);
  return (
    <>
      <PageHeader title="Organisation" description={settings.name} />
      <Card title="Time zone" className="max-w-2xl">
        <p className="mb-4 text-sm text-slate-600">
          Expiry, due and review dates are days. The time zone decides when a day starts: when evidence lapses, what is overdue, which day the reminders go out, and the dates on
          reports. Today is <strong data-testid="organization-today">{todayFor(actor)}</strong> in {settings.timeZone}.
        </p>
        <OrganizationSettingsForm initial={{ timeZone: settings.timeZone }} timeZones={TIME_ZONES} save={updateOrganizationSettingsAction} />
      </Card>
      <Card title="Logo on reports" className="mt-6 max-w-2xl">
        <p className="mb-4 text-sm text-slate-600">Your logo goes on the cover of every new risk report, beside your organisation&apos;s name. A report keeps the logo it was issued with.</p>
        <OrganizationLogoForm current={logo ? { sha256: logo.sha256 } : null} />
      </Card>
    </>
  );
}
