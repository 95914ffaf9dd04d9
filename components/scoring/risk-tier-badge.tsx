import { Badge } from "@/components/ui/card";
import { enumLabel } from "@/lib/domain/vocabulary";

const TONES = { LOW: "green", MEDIUM: "amber", HIGH: "red", CRITICAL: "red" } as const;

/** A risk tier as a coloured badge, with optional trailing text (e.g. the score). */
export function RiskTierBadge({ tier, suffix }: { tier: string; suffix?: string }) {
  return (
    <Badge tone={TONES[tier as keyof typeof TONES] ?? "slate"}>
      {enumLabel(tier)}
      {suffix ?? ""}
    </Badge>
  );
}
