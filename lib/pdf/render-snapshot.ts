/**
 * Renders a stored snapshot with the renderer of its version: version 3 on with render-report.ts,
 * older ones with the frozen render-report-v2.ts, so every issued report re-renders to its own bytes.
 */
import { renderReport } from "./render-report";
import { renderReportV2 } from "./render-report-v2";
import type { ReportSnapshot } from "./report-data";

export function renderSnapshot(snapshot: ReportSnapshot, contentSha256: string): Promise<Buffer> {
  const meta = { ...snapshot.meta, contentSha256 };
  return (snapshot.version ?? 1) >= 3 ? renderReport(snapshot.data, meta) : renderReportV2(snapshot.data, meta);
}
