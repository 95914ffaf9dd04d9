import { Badge } from "@/components/ui/card";

const STATUS: Record<string, { label: string; tone: "slate" | "green" | "amber" | "red" }> = {
  PROPOSED: { label: "Proposed", tone: "slate" },
  APPROVED: { label: "Approved", tone: "green" },
  APPROVED_WITH_CONDITIONS: { label: "Approved with conditions", tone: "amber" },
  REJECTED: { label: "Rejected", tone: "red" },
  LAPSED: { label: "LAPSED", tone: "red" },
  SUSPENDED: { label: "SUSPENDED", tone: "red" },
};

/** A use case's status as of today; a lapsed approval reads LAPSED and a suspended one SUSPENDED wherever it is shown. */
export function UseCaseStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: "slate" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
