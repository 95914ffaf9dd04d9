import { Badge } from "@/components/ui/card";
import { daysUntil, validityOf } from "@/lib/domain/evidence-validity";

export function ValidityBadge({ expiresAt, now = new Date() }: { expiresAt: Date | null; now?: Date }) {
  const validity = validityOf(expiresAt, now);
  if (validity === "NO_EXPIRY") return <Badge>No expiry recorded</Badge>;
  const days = daysUntil(expiresAt!, now);
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
