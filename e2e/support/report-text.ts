/**
 * The text a person reads in a report, for tests that check what a report does (not) show: the
 * PDF text as pdfjs extracts it, and the web view markup as the share page and portal render it.
 * It lives with the test support outside lib/, because it renders a component (lib/ never does).
 */
import { reportViewMarkup } from "@/components/reports/report-view-markup";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { squash } from "@/lib/testing/pdf-text";

export { pdfText, squash } from "@/lib/testing/pdf-text";

/** The web view HTML (tags kept: a name inside an attribute counts too), whitespace removed. */
export function webViewText(snapshot: ReportSnapshot, contentSha256: string): string {
  return squash(reportViewMarkup(snapshot, contentSha256));
}
