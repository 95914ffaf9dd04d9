/**
 * Axis arithmetic for the server-drawn charts (counts only, so ticks are whole numbers).
 */

/** Ticks from 0 to a round maximum at or above `max`, in steps of 1, 2 or 5 × 10ⁿ, about four of them. */
export function countTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/**
 * Every how many bars an x label can be printed without overlapping its neighbour, given the
 * band each bar gets and the longest label (in characters, at about 0.55 em per character, the
 * system sans-serif's average for mixed-case words such as "Not scored").
 */
export function labelEvery(band: number, longestLabel: number, fontSize: number): number {
  const needed = longestLabel * fontSize * 0.55 + 6;
  return Math.max(1, Math.ceil(needed / band));
}
