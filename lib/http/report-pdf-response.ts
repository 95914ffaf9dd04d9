import "server-only";

/** A report PDF as a download: never cached, never leaking its URL through a Referer. */
export function reportPdfResponse(report: { id: string; title: string }, pdf: Buffer) {
  const name = `vetta-report-${report.title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).toLowerCase()}-${report.id}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
