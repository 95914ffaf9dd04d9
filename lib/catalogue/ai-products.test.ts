import { describe, expect, it } from "vitest";
import { AI_PRODUCT_CATALOGUE, CATALOGUE_DISCLAIMER, CATALOGUE_READ_ON, type CatalogueEntry } from "./ai-products";

const CLAUSE_IDS = [
  "PURPOSE",
  "DATA_CATEGORIES",
  "RETENTION",
  "SUBPROCESSORS",
  "SECURITY_MEASURES",
  "LOCATION",
  "AUDIT_RIGHTS",
  "NO_TRAINING",
  "BREACH_NOTIFICATION",
  "DELETION_RETURN",
  "DATA_OWNERSHIP",
  "PORTABILITY_EXIT",
];

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function allUrls(e: CatalogueEntry): string[] {
  return [
    e.vendor.website,
    ...e.sources.map((s) => s.url),
    ...(e.dpa ? [e.dpa.url] : []),
    ...(e.certifications ?? []).map((c) => c.url),
  ];
}

const hasSource = (e: CatalogueEntry, field: string) => e.sources.some((s) => s.field === field);

describe("demo catalogue of real AI products", () => {
  it("has at least six products, with unique names", () => {
    expect(AI_PRODUCT_CATALOGUE.length).toBeGreaterThanOrEqual(6);
    const names = AI_PRODUCT_CATALOGUE.map((e) => e.product.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("has a vendor with both a consumer tier and a business or enterprise tier", () => {
    const tiersByVendor = new Map<string, Set<string>>();
    for (const e of AI_PRODUCT_CATALOGUE) tiersByVendor.set(e.vendor.name, (tiersByVendor.get(e.vendor.name) ?? new Set()).add(e.product.tier));
    expect([...tiersByVendor.values()].some((t) => t.has("CONSUMER") && (t.has("BUSINESS") || t.has("ENTERPRISE")))).toBe(true);
  });

  it("has at least one private-cloud deployment", () => {
    expect(AI_PRODUCT_CATALOGUE.some((e) => e.product.deploymentModel === "PRIVATE_CLOUD")).toBe(true);
  });

  it("cites https URLs only", () => {
    for (const e of AI_PRODUCT_CATALOGUE) {
      for (const url of allUrls(e)) expect(url, e.product.name).toMatch(/^https:\/\/[^\s]+$/);
    }
  });

  it("dates every source with a valid date no later than the day the pages were read", () => {
    expect(CATALOGUE_READ_ON).toBe("2026-11-23");
    for (const e of AI_PRODUCT_CATALOGUE) {
      expect(e.sources.length, e.product.name).toBeGreaterThan(0);
      for (const s of e.sources) {
        expect(isValidDate(s.asPublishedOn), `${e.product.name}: ${s.asPublishedOn}`).toBe(true);
        expect(s.asPublishedOn <= CATALOGUE_READ_ON, `${e.product.name}: ${s.asPublishedOn}`).toBe(true);
      }
    }
  });

  it("backs every known training policy, region list and retention with a source for that field", () => {
    for (const e of AI_PRODUCT_CATALOGUE) {
      if (e.product.trainingPolicy !== "UNKNOWN") expect(hasSource(e, "trainingPolicy"), e.product.name).toBe(true);
      if (e.product.processingRegions.length > 0) expect(hasSource(e, "processingRegions"), e.product.name).toBe(true);
      if (e.product.retentionKind !== "UNKNOWN") expect(hasSource(e, "retention"), e.product.name).toBe(true);
      if (e.product.encryptionInTransit !== null || e.product.encryptionAtRest !== null) expect(hasSource(e, "encryption"), e.product.name).toBe(true);
      if (e.dpa) expect(hasSource(e, "dpa"), e.product.name).toBe(true);
    }
  });

  it("keeps each product's fields consistent", () => {
    for (const e of AI_PRODUCT_CATALOGUE) {
      const p = e.product;
      expect(p.retentionKind === "DAYS", p.name).toBe(p.retentionDays !== null);
      if (p.retentionDays !== null) expect(p.retentionDays, p.name).toBeGreaterThanOrEqual(0);
      expect(new Set(p.processingRegions).size, p.name).toBe(p.processingRegions.length);
      for (const region of p.processingRegions) expect(region, p.name).toMatch(/^[A-Z]{2,6}$/);
    }
  });

  it("assesses DPA clauses only with evidence and only for checklist clauses", () => {
    for (const e of AI_PRODUCT_CATALOGUE) {
      if (!e.dpa) continue;
      if (e.dpa.breachNoticeHours !== null) expect(e.dpa.breachNoticeHours, e.product.name).toBeGreaterThan(0);
      for (const [id, clause] of Object.entries(e.dpa.clauses)) {
        expect(CLAUSE_IDS, e.product.name).toContain(id);
        expect(clause?.evidence.trim().length ?? 0, `${e.product.name} ${id}`).toBeGreaterThan(10);
      }
    }
  });

  it("is marked as sample data to verify", () => {
    expect(CATALOGUE_DISCLAIMER).toBe(
      "Sample data drawn from vendors' public pages on the dates shown. Verify every fact against the vendor's current documents before relying on it.",
    );
  });
});
