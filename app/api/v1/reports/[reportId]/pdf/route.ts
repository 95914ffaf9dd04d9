import { getReport, renderStoredReport } from "@/lib/db/reports";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { reportPdfResponse } from "@/lib/http/report-pdf-response";

/** The same bytes the MSP's own download gives: re-rendered from the report's stored snapshot. */
export const GET = apiRoute(OPERATIONS.getReportPdf, async ({ caller, params }) => {
  const report = await getReport(caller.ctx, params.reportId!);
  return reportPdfResponse(report, await renderStoredReport(report));
});
