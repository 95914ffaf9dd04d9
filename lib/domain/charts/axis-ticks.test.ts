import { describe, expect, it } from "vitest";
import { countTicks, labelEvery } from "./axis-ticks";

describe("countTicks", () => {
  it("gives whole-number steps for small counts", () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });
  it("rounds the top up to a step of 1, 2 or 5 × 10ⁿ", () => {
    expect(countTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(100)).toEqual([0, 50, 100]);
    expect(countTicks(30_608).at(-1)).toBe(40_000);
  });
  it("always reaches the maximum", () => {
    for (let max = 1; max < 500; max++) expect(countTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
  });
});

describe("labelEvery", () => {
  it("labels every bar when the band is wide enough and thins them out when not", () => {
    expect(labelEvery(60, 7, 12)).toBe(1);
    expect(labelEvery(25, 6, 12)).toBe(2);
    expect(labelEvery(10, 6, 12)).toBe(5);
    // The home page's five tiers in a 440-unit drawing: "Not scored" fits its 78-unit band.
    expect(labelEvery((440 - 48) / 5, "Not scored".length, 12)).toBe(1);
  });
});
