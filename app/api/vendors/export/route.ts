import { exportRegister } from "@/lib/db/register-io";
import { toCsv } from "@/lib/domain/csv";
import { guardedRoute } from "@/lib/http/route";
import { REGISTER_COLUMNS } from "@/lib/validation/register-csv";

const yesNo = (v: boolean | null) => (v === null ? "unknown" : v ? "yes" : "no");

/** The register as CSV, in the layout the importer reads back. */
export const GET = guardedRoute("vendor:read", async (_req, actor) => {
  const vendors = await exportRegister(actor);
  const rows: Array<Array<string | number | null>> = [[...REGISTER_COLUMNS]];
  for (const v of vendors) {
    const vendorCells = [v.name, v.website, v.description];
    if (v.products.length === 0) rows.push([...vendorCells, "", "", "", "", "", "", "", "", "", "", ""]);
    for (const p of v.products) {
      rows.push([
        ...vendorCells,
        p.name,
        p.description,
        p.tier,
        p.deploymentModel,
        p.processingRegions.join(";"),
        p.retentionKind,
        p.retentionDays,
        p.zeroRetentionAvailable ? "yes" : "no",
        p.trainingPolicy,
        yesNo(p.encryptionInTransit),
        yesNo(p.encryptionAtRest),
      ]);
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="vetta-register-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
