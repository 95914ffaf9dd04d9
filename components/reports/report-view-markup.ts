/**
 * The web view of a report (ReportView) as static HTML, outside React rendering a page: for the
 * tests that check what a client can read, and for the bench that prints it with Chromium.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { ReportView } from "./report-view";

export function reportViewMarkup(snapshot: ReportSnapshot, contentSha256: string): string {
  return renderToStaticMarkup(createElement(ReportView, { snapshot, contentSha256 }));
}
