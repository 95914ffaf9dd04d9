/**
 * Prints the web view (ReportView) of the bench's report fixtures as HTML, one JSON object
 * { label: html } on stdout. A separate process because `npm run bench` runs under the
 * react-server condition, where react-dom/server is not available.
 */
import { reportViewMarkup } from "../components/reports/report-view-markup";
import { largeProductReport, sampleProductReport } from "../lib/pdf/report-fixtures";

const out: Record<string, string> = {};
for (const [label, fixture] of [
  ["typical", sampleProductReport()],
  ["large", largeProductReport(400)],
] as const) {
  out[label] = reportViewMarkup({ version: 3, meta: fixture.meta, data: fixture.data }, fixture.meta.contentSha256);
}
process.stdout.write(JSON.stringify(out));
