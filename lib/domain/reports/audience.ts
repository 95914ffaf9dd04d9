/**
 * SECURITY-CRITICAL (client walls). Who a report may reach. A report that reaches a client (share
 * link, portal) carries that client's data only, or no client's data at all:
 * - a product report scoped to a client's use case and a client's portfolio report carry that
 *   client's use cases, exceptions and dates, and go to that client only;
 * - a product report without a use case carries no client's use cases, exceptions or dates (the
 *   builder leaves them out), so it may go to any client;
 * - a product report without a use case issued before this rule (snapshot version 1) may list every
 *   client's exceptions and dates: it reaches no client.
 * Pure: the caller passes the snapshot and the report row's client.
 */
import type { ReportAudience, ReportData, ReportSnapshot } from "@/lib/pdf/report-data";

/**
 * The snapshot shape this code writes. Version 1 (no `version`) predates client scoping; 2 added
 * `audience`; 3 moved the wording to lib/domain/reports and added the executive summary,
 * methodology, signature, confidentiality line, logo and portfolio chart (rendered by
 * render-report.ts; versions 1–2 by the frozen render-report-v2.ts).
 */
export const REPORT_SNAPSHOT_VERSION = 3;

export type ClientReach = { to: "ANY_CLIENT" } | { to: "ONE_CLIENT"; clientId: string } | { to: "NO_CLIENT"; reason: string };

export const LEGACY_UNSCOPED_REASON =
  "This product report was issued before reports were scoped to one client: it may list every client's exceptions and dates, so it cannot be shared with a client. Generate a new report to share it.";

/** Which clients a stored report may reach, from its snapshot and the client the report is about (if any). */
export function clientReachOf(snapshot: Pick<ReportSnapshot, "version" | "data">, reportClientId: string | null): ClientReach {
  if (reportClientId) return { to: "ONE_CLIENT", clientId: reportClientId };
  const { data } = snapshot;
  if (data.kind === "PORTFOLIO") return { to: "NO_CLIENT", reason: "A portfolio report without its client cannot be shared." };
  if ((snapshot.version ?? 1) < 2 || data.useCase || !withoutClientData(data)) return { to: "NO_CLIENT", reason: LEGACY_UNSCOPED_REASON };
  return { to: "ANY_CLIENT" };
}

/** May this report be shown to (or shared with) this client? */
export function mayReachClient(snapshot: Pick<ReportSnapshot, "version" | "data">, reportClientId: string | null, clientId: string): boolean {
  const reach = clientReachOf(snapshot, reportClientId);
  return reach.to === "ANY_CLIENT" || (reach.to === "ONE_CLIENT" && reach.clientId === clientId);
}

/** A product report without client scope must hold no client's use case, exceptions or client dates. */
export function withoutClientData(data: ReportData): boolean {
  if (data.kind !== "PRODUCT") return false;
  return data.useCase === null && data.exceptions.length === 0 && data.audience?.clientName === null;
}

/** The sentence printed on the report (cover and web view) saying whose data it holds. */
export function audienceNote(audience: Pick<ReportAudience, "clientName">, kind: ReportData["kind"]): string {
  if (audience.clientName === null) return "Product-level report: no client's use cases, risk exceptions or dates are included.";
  return kind === "PORTFOLIO"
    ? `Prepared for ${audience.clientName}: only ${audience.clientName}'s use cases are included.`
    : `Prepared for ${audience.clientName}: only ${audience.clientName}'s use case, risk exceptions and dates are included.`;
}
