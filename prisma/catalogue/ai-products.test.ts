import { describe, expect, it } from "vitest";
import { AI_PRODUCT_CATALOGUE } from "./ai-products";

describe("demo catalogue", () => {
  it("has at least six real products, including a consumer and a business tier of one vendor, and a private-cloud offering", () => {
    expect(AI_PRODUCT_CATALOGUE.length).toBeGreaterThanOrEqual(6);
    const tiersByVendor = new Map<string, Set<string>>();
    for (const e of AI_PRODUCT_CATALOGUE) tiersByVendor.set(e.vendor.name, (tiersByVendor.get(e.vendor.name) ?? new Set()).add(e.product.tier));
    expect([...tiersByVendor.values()].some((t) => t.has("CONSUMER") && (t.has("BUSINESS") || t.has("ENTERPRISE")))).toBe(true);
    expect(AI_PRODUCT_CATALOGUE.some((e) => e.product.deploymentModel === "PRIVATE_CLOUD")).toBe(true);
    expect(new Set(AI_PRODUCT_CATALOGUE.map((e) => e.product.name)).size).toBe(AI_PRODUCT_CATALOGUE.length);
  });

  it("cites an https source with a valid date for every known training policy and retention", () => {
    for (const e of AI_PRODUCT_CATALOGUE) {
      for (const s of e.sources) {
        expect(s.url, e.product.name).toMatch(/^https:\/\//);
        expect(Number.isNaN(Date.parse(s.asPublishedOn)), s.asPublishedOn).toBe(false);
        expect(s.asPublishedOn <= "2026-11-23").toBe(true);
      }
      if (e.product.trainingPolicy !== "UNKNOWN") expect(e.sources.some((s) => s.field === "trainingPolicy"), e.product.name).toBe(true);
      if (e.product.retentionKind !== "UNKNOWN") expect(e.sources.some((s) => s.field === "retention"), e.product.name).toBe(true);
      expect(e.product.retentionKind === "DAYS").toBe(e.product.retentionDays !== null);
    }
  });
});
