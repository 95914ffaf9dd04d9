import { cookies } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { SHARE_COOKIE, openSharedReport } from "@/lib/auth/share-access";
import { renderStoredReport } from "@/lib/db/reports";
import { reportPdfResponse } from "@/lib/http/report-pdf-response";

/** The PDF behind a share link: the same checks (and log entry) as the web view. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await openSharedReport(token, "DOWNLOAD", { ip: clientIpFrom(request.headers), userAgent: request.headers.get("user-agent") }, (await cookies()).get(SHARE_COOKIE)?.value);
  if (opened.state !== "OK") {
    return new Response(opened.state === "PASSCODE_REQUIRED" ? "Enter the passcode on the report's page first." : "Not found", {
      status: opened.state === "PASSCODE_REQUIRED" ? 403 : 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
    });
  }
  return reportPdfResponse(opened.report, await renderStoredReport(opened.report));
}
