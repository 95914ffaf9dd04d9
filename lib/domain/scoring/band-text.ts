/**
 * Scoring bands written as text, the way the builder and the XLSX sheet show them:
 * "..72:100; ..96:50" (min..max:points; a bound left out is open, the first band that fits wins).
 */
import type { ScoreBand } from "./answer-points";

const BAND = /^(-?\d+(?:\.\d+)?)?\s*\.\.\s*(-?\d+(?:\.\d+)?)?\s*:\s*(\d+(?:\.\d+)?)$/;

export function formatBands(bands: ScoreBand[] | null | undefined, separator = "; "): string {
  return (bands ?? []).map((b) => `${b.min ?? ""}..${b.max ?? ""}:${b.points}`).join(separator);
}

/** Bands from text (separated by ";" or new lines); null when empty, "invalid" when a part does not read as a band. */
export function parseBands(text: string): ScoreBand[] | null | "invalid" {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  const bands: ScoreBand[] = [];
  for (const part of parts) {
    const match = BAND.exec(part);
    if (!match) return "invalid";
    bands.push({ min: match[1] === undefined ? null : Number(match[1]), max: match[2] === undefined ? null : Number(match[2]), points: Number(match[3]) });
  }
  return bands;
}

/** A band in words for screens and reports: "up to 72: 100%". */
export function describeBand(b: ScoreBand): string {
  const range = b.min === null && b.max === null ? "any value" : b.min === null ? `up to ${b.max}` : b.max === null ? `${b.min} or more` : `${b.min} to ${b.max}`;
  return `${range}: ${b.points}%`;
}
