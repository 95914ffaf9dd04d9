import { getReport, renderStoredReport } from "@/lib/db/reports";
import { guardedRoute } from "@/lib/http/route";
import { reportPdfResponse } from "@/lib/http/report-pdf-response";

/** The MSP's download of an issued report, re-rendered from its snapshot. */
export const GET = guardedRoute("report:create", async (_req, actor, { params }: { params: Promise<{ reportId: string }> }) => {
  const report = await getReport(actor, (await params).reportId);
  return reportPdfResponse(report, await renderStoredReport(report));
});
