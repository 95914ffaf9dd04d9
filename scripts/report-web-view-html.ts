/**
 * Prints the web view (ReportView) of the bench's report fixtures as HTML, one JSON object
 * { label: html } on stdout. A separate process because `npm run bench` runs under the
 * react-server condition, where react-dom/server is not available.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportView } from "../components/reports/report-view";
import { largeProductReport, sampleProductReport } from "../lib/pdf/report-fixtures";

const out: Record<string, string> = {};
for (const [label, fixture] of [
  ["typical", sampleProductReport()],
  ["large", largeProductReport(400)],
] as const) {
  out[label] = renderToStaticMarkup(createElement(ReportView, { snapshot: { version: 3, meta: fixture.meta, data: fixture.data }, contentSha256: fixture.meta.contentSha256 }));
}
process.stdout.write(JSON.stringify(out));
