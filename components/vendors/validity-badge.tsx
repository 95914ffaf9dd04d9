import { Badge } from "@/components/ui/card";
import { daysUntil, validityOf } from "@/lib/domain/evidence-validity";

/** Valid, expiring (within 60 days) or expired, as of the organisation's today (YYYY-MM-DD). */
export function ValidityBadge({ expiresAt, today }: { expiresAt: Date | null; today: string }) {
  const validity = validityOf(expiresAt, today);
  if (validity === "NO_EXPIRY") return <Badge>No expiry recorded</Badge>;
  const days = daysUntil(expiresAt!, today);
  if (validity === "EXPIRED") return <Badge tone="red">Expired {-days} days ago</Badge>;
  if (validity === "EXPIRING") return <Badge tone="amber">{days === 0 ? "Expires today" : `Expires in ${days} days`}</Badge>;
  return <Badge tone="green">Valid</Badge>;
}

export function formatDate(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "—";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
