import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./prisma-client";
import { productOptionById, vendorOptionById } from "./picker-options";
import { pickerSearch, type PickerKind } from "@/lib/http/picker-search";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import type { TenantContext } from "./tenant";

// The functions behind GET /api/pickers/{products,vendors,clients} (app/api/pickers/*/route.ts only add the
// session check of guardedRoute), against the real database.
async function search(actor: TenantContext, kind: PickerKind, query: Record<string, string> = {}) {
  const response = await pickerSearch(actor, kind, new URLSearchParams(query));
  return { status: response.status, body: (await response.json()) as { items?: Array<{ id: string; label: string }>; more?: boolean; error?: string; fieldErrors?: Record<string, string> } };
}

let org: TestOrganization;
let other: TestOrganization;

/** 60 vendors "Acme 00".."Acme 59" with a product each, one archived vendor and product, and clients. */
async function seed(o: TestOrganization, tag: string) {
  await prisma.vendor.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ id: `${tag}-v${i}`, organizationId: o.organizationId, name: `Acme ${String(i).padStart(2, "0")}` })) });
  await prisma.vendor.create({ data: { id: `${tag}-old`, organizationId: o.organizationId, name: "Acme Archived", archivedAt: new Date() } });
  await prisma.product.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({ id: `${tag}-p${i}`, organizationId: o.organizationId, vendorId: `${tag}-v${i}`, name: i === 7 ? "Zephyr Chat" : `Model ${String(i).padStart(2, "0")}`, tier: "BUSINESS" as const, deploymentModel: "CLOUD_API" as const })),
  });
  await prisma.product.create({ data: { id: `${tag}-p-old`, organizationId: o.organizationId, vendorId: `${tag}-v1`, name: "Model Retired", tier: "BUSINESS", deploymentModel: "CLOUD_API", archivedAt: new Date() } });
  await prisma.client.createMany({ data: [`${tag} Harbor`, `${tag} Lumen`].map((name) => ({ organizationId: o.organizationId, name })) });
}

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrganization("Pickers"), createTestOrganization("Pickers other")]);
  await Promise.all([seed(org, "a"), seed(other, "b")]);
});

describe("picker search (issue 17)", () => {
  it("answers a page of the caller's organisation's active options, 20 by default, saying there are more", async () => {
    const { status, body } = await search(org.as.ACCOUNT_MANAGER, "vendors");
    expect(status).toBe(200);
    expect(body.items).toHaveLength(20);
    expect(body.more).toBe(true);
    expect(body.items!.map((v) => v.label)).toEqual(Array.from({ length: 20 }, (_, i) => `Acme ${String(i).padStart(2, "0")}`));
    expect(body.items!.every((v) => v.id.startsWith("a-"))).toBe(true);

    const narrowed = await search(org.as.ACCOUNT_MANAGER, "vendors", { q: "acme 4" });
    expect(narrowed.body.items!.map((v) => v.label)).toEqual(Array.from({ length: 10 }, (_, i) => `Acme 4${i}`));
    expect(narrowed.body.more).toBe(false);
    // Archived records are not offered.
    expect((await search(org.as.ACCOUNT_MANAGER, "vendors", { q: "archived" })).body.items).toEqual([]);
    expect((await search(org.as.ACCOUNT_MANAGER, "products", { q: "retired" })).body.items).toEqual([]);
  });

  it("matches a product by its own name or its vendor's, labelled 'Vendor — Product'", async () => {
    expect((await search(org.as.COMPLIANCE_OFFICER, "products", { q: "zephyr" })).body.items).toEqual([{ id: "a-p7", label: "Acme 07 — Zephyr Chat" }]);
    expect((await search(org.as.COMPLIANCE_OFFICER, "products", { q: "ACME 12" })).body.items).toEqual([{ id: "a-p12", label: "Acme 12 — Model 12" }]);
    expect((await search(org.as.ADMIN, "clients", { q: "harbor" })).body.items!.map((c) => c.label)).toEqual(["a Harbor"]);
    // LIKE's wildcards are searched for as typed, not as wildcards.
    expect((await search(org.as.ADMIN, "vendors", { q: "%" })).body.items).toEqual([]);
    expect((await search(org.as.ADMIN, "vendors", { q: "acme_0" })).body.items).toEqual([]);
  });

  it("never shows another organisation's records, even with the same names", async () => {
    for (const kind of ["products", "vendors", "clients"] as const) {
      const mine = await search(org.as.ADMIN, kind, { q: "", limit: "50" });
      const theirs = await search(other.as.ADMIN, kind, { q: "", limit: "50" });
      expect(mine.body.items!.length).toBeGreaterThan(0);
      const table = { products: prisma.product, vendors: prisma.vendor, clients: prisma.client }[kind] as unknown as { findMany: (args: object) => Promise<Array<{ id: string }>> };
      const own = new Set((await table.findMany({ where: { organizationId: org.organizationId }, select: { id: true } })).map((r) => r.id));
      expect(mine.body.items!.every((o) => own.has(o.id))).toBe(true);
      expect(theirs.body.items!.some((o) => mine.body.items!.some((m) => m.id === o.id))).toBe(false);
    }
    // The labels of chosen options are looked up within the caller's organisation only.
    expect(await productOptionById(other.as.ADMIN, "a-p7")).toBeNull();
    expect(await vendorOptionById(org.as.ADMIN, "a-v3")).toEqual({ id: "a-v3", label: "Acme 03" });
  });

  it("refuses a client viewer with the 404 the routes give", async () => {
    for (const kind of ["products", "vendors", "clients"] as const) {
      const { status, body } = await search(org.as.CLIENT_VIEWER, kind, { q: "a" });
      expect(status).toBe(404);
      expect(body.items).toBeUndefined();
    }
  });

  it("caps the limit at 50 and answers bad input with a 400 naming the field", async () => {
    const fifty = await search(org.as.ADMIN, "vendors", { limit: "50" });
    expect(fifty.body.items).toHaveLength(50);
    expect(fifty.body.more).toBe(true);
    for (const [query, field] of [
      [{ limit: "51" }, "limit"],
      [{ limit: "0" }, "limit"],
      [{ limit: "abc" }, "limit"],
      [{ limit: "2.5" }, "limit"],
      [{ q: "x".repeat(101) }, "q"],
      [{ q: "a\u0007b" }, "q"],
    ] as const) {
      const { status, body } = await search(org.as.ADMIN, "products", query);
      expect(status, JSON.stringify(query)).toBe(400);
      expect(Object.keys(body.fieldErrors!)).toEqual([field]);
      expect(body.error).toMatch(new RegExp(`^${field}: `));
    }
  });

  it("answers 40 searches at once, each its own", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => search(i % 2 ? org.as.ADMIN : other.as.ADMIN, "products", { q: `model ${10 + i}` })));
    results.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([{ id: `${i % 2 ? "a" : "b"}-p${10 + i}`, label: `Acme ${10 + i} — Model ${10 + i}` }]);
    });
  });
});
