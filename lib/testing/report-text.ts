/**
 * The text a person reads in a report, for tests that check what a report does (not) show: the
 * PDF's text as pdfjs extracts it, and the web view's markup as the share page and portal render it.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportView } from "@/components/reports/report-view";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { squash } from "./pdf-text";

export { pdfText, squash } from "./pdf-text";

/** The web view's HTML (tags kept: a name inside an attribute counts too), whitespace removed. */
export function webViewText(snapshot: ReportSnapshot, contentSha256: string): string {
  return squash(renderToStaticMarkup(createElement(ReportView, { snapshot, contentSha256 })));
}

