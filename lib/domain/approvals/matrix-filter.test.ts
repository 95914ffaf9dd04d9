import { describe, expect, it } from "vitest";
import { filterMatrix } from "./matrix-filter";

const data = {
  products: [{ id: "p1" }, { id: "p2" }, { id: "p3" }],
  clients: [
    { id: "c1", useCases: [{ productId: "p1", displayStatus: "LAPSED", currentTier: "HIGH" }, { productId: "p2", displayStatus: "APPROVED", currentTier: "LOW" }] },
    { id: "c2", useCases: [{ productId: "p3", displayStatus: "PROPOSED", currentTier: null }] },
  ],
};

describe("filterMatrix", () => {
  it("returns the matrix unchanged without a filter", () => {
    expect(filterMatrix(data, { statuses: [], tiers: [] })).toBe(data);
  });

  it("keeps use cases of the chosen status as shown today and drops products left empty", () => {
    const out = filterMatrix(data, { statuses: ["LAPSED"], tiers: [] });
    expect(out.products.map((p) => p.id)).toEqual(["p1"]);
    expect(out.clients.map((c) => c.useCases.length)).toEqual([1, 0]);
  });

  it("combines status and tier, and an unscored use case matches no tier", () => {
    expect(filterMatrix(data, { statuses: ["APPROVED", "LAPSED"], tiers: ["LOW"] }).products.map((p) => p.id)).toEqual(["p2"]);
    expect(filterMatrix(data, { statuses: [], tiers: ["LOW", "MEDIUM", "HIGH", "CRITICAL"] }).products.map((p) => p.id)).toEqual(["p1", "p2"]);
  });
});
