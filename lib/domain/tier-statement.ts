/**
 * Why a score has its tier, in words, for every screen and report (one wording): a red flag that
 * capped the tier is named beside what the score alone would have given. Pure.
 */
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";

type Tier = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
type Severity = "critical" | "high" | "medium";

const TIER_WORDS: Record<Tier, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High", CRITICAL: "Critical" };
const RANK: Record<Tier, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };
const FLAG_TIER: Record<Severity, Tier> = { critical: "CRITICAL", high: "HIGH", medium: "MEDIUM" };

export const tierWords = (tier: Tier) => TIER_WORDS[tier];

/** The tier the score alone gives (PRODUCT.md: 80 and over Low, 60–79 Medium, under 60 High). */
export const tierOfScore = (score: number): Tier => (score >= 80 ? "LOW" : score >= 60 ? "MEDIUM" : "HIGH");

export interface TierStatement {
  /** True when a red flag, not the score, set the tier. */
  cappedByFlag: boolean;
  /** "capped by a critical flag" (under the gauge), or null when the score set the tier. */
  capLabel: string | null;
  /** The tier and why, in one sentence. */
  sentence: string;
}

export function tierStatement(score: number, tier: Tier, flags: Array<{ id: string; severity: Severity }>): TierStatement {
  const fromScore = tierOfScore(score);
  const setting = flags.filter((f) => FLAG_TIER[f.severity] === tier);
  const capped = RANK[tier] > RANK[fromScore] && setting.length > 0;
  if (capped) {
    const severity = setting[0]!.severity;
    const names = setting.map((f) => redFlagLabel(f.id)).join(", ");
    return {
      cappedByFlag: true,
      capLabel: `capped by a ${severity} flag`,
      sentence: `${TIER_WORDS[tier]} risk, capped by ${setting.length === 1 ? `a ${severity} red flag` : `${severity} red flags`} (${names}): the score of ${score} alone would rate ${TIER_WORDS[fromScore]}.`,
    };
  }
  const why = tier === "LOW" ? "80 or more, no red flag" : tier === "MEDIUM" ? "60 to 79" : "under 60";
  return { cappedByFlag: false, capLabel: null, sentence: `${TIER_WORDS[tier]} risk, set by the score of ${score} (${why}).` };
}

