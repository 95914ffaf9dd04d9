import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ImportForm } from "@/components/vendors/import-form";
import { requirePermission } from "@/lib/auth/session";
import { REGISTER_COLUMNS } from "@/lib/validation/register-csv";
import { importRegisterAction, importStatusAction } from "../actions";

export const metadata: Metadata = { title: "Import vendors" };

export default async function ImportPage() {
  await requirePermission("vendor:write");
  return (
    <>
      <PageHeader title="Import vendors and products" description="From a CSV file. Every row is checked first; if any row is wrong, nothing is written and each problem is listed. Large files (tens of thousands of rows) import in the background with a progress bar." />
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <ImportForm importCsv={importRegisterAction} importStatus={importStatusAction} />
        <Card title="Layout">
          <p className="text-sm text-slate-700">One row per product, with a header row. Only vendor and product are required; a row with no product adds the vendor alone. The export uses the same layout.</p>
          <ul className="mt-2 list-inside list-disc font-mono text-xs text-slate-700">
            {REGISTER_COLUMNS.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600">
            tier: CONSUMER, BUSINESS, ENTERPRISE · deployment_model: CLOUD_API, PRIVATE_CLOUD, ON_PREMISE · training_policy: NEVER, OPT_OUT_AVAILABLE, YES_NO_OPT_OUT, UNKNOWN · retention_kind: DAYS, UNLIMITED, UNKNOWN · processing_regions: EU;US · yes/no for the rest.
          </p>
        </Card>
      </div>
    </>
  );
}
