import { renderStoredReport } from "@/lib/db/reports";
import { recordShareAccess, reportForViewer } from "@/lib/db/share-links";
import { guardedRoute } from "@/lib/http/route";
import { reportPdfResponse } from "@/lib/http/report-pdf-response";

/** A client viewer's download of a report shared with their client (logged on the link they hold). */
export const GET = guardedRoute("portal:view", async (req, actor, { params }: { params: Promise<{ reportId: string }> }) => {
  const { report, link } = await reportForViewer(actor, (await params).reportId);
  await recordShareAccess(link, "DOWNLOAD", { ip: actor.ip, userAgent: req.headers.get("user-agent") });
  return reportPdfResponse(report, await renderStoredReport(report));
});
