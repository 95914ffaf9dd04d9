/**
 * Vendor.activeProductCount and Client.useCaseCount have one owner, the PostgreSQL triggers of
 * migration vendor_client_counts (issue 17: the count sorts read an index instead of counting the
 * tenant). On real PostgreSQL: the counts stay equal to a fresh count(*) under bursts of 40
 * concurrent creations and archivals through the app's own functions, moves between vendors and
 * clients (opposite moves at once, which must not deadlock), deletes and restores.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { createProduct, setProductArchived, updateProduct } from "./products";
import { prisma } from "./prisma-client";
import { createVendor } from "./vendors";

let org: TestOrganization;

const product = (vendorId: string, name: string) =>
  productInput.parse({ vendorId, name, tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" });

/** Every vendor's column against a count of its active products, for the whole organisation. */
async function expectVendorCountsRight() {
  const vendors = await prisma.vendor.findMany({ where: { organizationId: org.organizationId }, select: { id: true, activeProductCount: true, _count: { select: { products: { where: { archivedAt: null } } } } } });
  for (const v of vendors) expect(v.activeProductCount, v.id).toBe(v._count.products);
  return new Map(vendors.map((v) => [v.id, v.activeProductCount]));
}

async function expectClientCountsRight() {
  const clients = await prisma.client.findMany({ where: { organizationId: org.organizationId }, select: { id: true, useCaseCount: true, _count: { select: { useCases: true } } } });
  for (const c of clients) expect(c.useCaseCount, c.id).toBe(c._count.useCases);
  return new Map(clients.map((c) => [c.id, c.useCaseCount]));
}

beforeAll(async () => {
  org = await createTestOrganization("Counts");
});

describe("maintained counts", () => {
  it("count a vendor's active products exactly under 40 concurrent creations, then 40 concurrent archivals mixed with creations", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const vendor = await createVendor(me, { name: "Burst vendor", website: null, description: null });
    const created = await Promise.all(Array.from({ length: 40 }, (_, i) => createProduct(me, product(vendor.id, `Burst model ${i}`))));
    expect((await expectVendorCountsRight()).get(vendor.id)).toBe(40);

    // 30 archivals and 10 new products at once; then archiving an archived product again changes nothing.
    await Promise.all([
      ...created.slice(0, 30).map((p) => setProductArchived(me, p.id, true)),
      ...Array.from({ length: 10 }, (_, i) => createProduct(me, product(vendor.id, `Second burst ${i}`))),
    ]);
    expect((await expectVendorCountsRight()).get(vendor.id)).toBe(20);
    await Promise.all(created.slice(0, 5).map((p) => setProductArchived(me, p.id, true)));
    expect((await expectVendorCountsRight()).get(vendor.id)).toBe(20);
    // Restoring counts again.
    await Promise.all(created.slice(0, 40).map((p) => setProductArchived(me, p.id, false)));
    expect((await expectVendorCountsRight()).get(vendor.id)).toBe(50);
    // Other writes to a product (a rename, a score refresh) leave the count alone.
    await prisma.product.updateMany({ where: { vendorId: vendor.id }, data: { currentScore: 7 } });
    expect((await expectVendorCountsRight()).get(vendor.id)).toBe(50);
  });

  it("moves products between vendors (opposite moves at once), and counts deletes; archived products move without counting", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const [x, y] = await Promise.all([createVendor(me, { name: "Vendor X", website: null, description: null }), createVendor(me, { name: "Vendor Y", website: null, description: null })]);
    const xs = await Promise.all(Array.from({ length: 20 }, (_, i) => createProduct(me, product(x.id, `X model ${i}`))));
    const ys = await Promise.all(Array.from({ length: 20 }, (_, i) => createProduct(me, product(y.id, `Y model ${i}`))));
    // 12 from X to Y and 8 from Y to X in one burst, through the product form's update.
    await Promise.all([...xs.slice(0, 12).map((p) => updateProduct(me, p.id, product(y.id, `X model moved ${p.name}`))), ...ys.slice(0, 8).map((p) => updateProduct(me, p.id, product(x.id, `Y model moved ${p.name}`)))]);
    let counts = await expectVendorCountsRight();
    expect([counts.get(x.id), counts.get(y.id)]).toEqual([16, 24]);

    // An archived product moves without counting on either side, and counts where it is restored.
    await setProductArchived(me, xs[15]!.id, true);
    await prisma.product.update({ where: { id: xs[15]!.id }, data: { vendorId: y.id } });
    counts = await expectVendorCountsRight();
    expect([counts.get(x.id), counts.get(y.id)]).toEqual([15, 24]);
    await setProductArchived(me, xs[15]!.id, false);
    expect((await expectVendorCountsRight()).get(y.id)).toBe(25);
    // Archived and moved in one statement.
    await prisma.product.update({ where: { id: xs[16]!.id }, data: { vendorId: y.id, archivedAt: new Date() } });
    counts = await expectVendorCountsRight();
    expect([counts.get(x.id), counts.get(y.id)]).toEqual([14, 25]);

    // Deletes (an active and an archived product) at once.
    await Promise.all([prisma.product.delete({ where: { id: xs[17]!.id } }), prisma.product.delete({ where: { id: xs[16]!.id } })]);
    counts = await expectVendorCountsRight();
    expect([counts.get(x.id), counts.get(y.id)]).toEqual([13, 25]);
  });

  it("count a client's use cases under 40 concurrent creations, moves between clients and deletes", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const vendor = await createVendor(me, { name: "Use-case vendor", website: null, description: null });
    const p = await createProduct(me, product(vendor.id, "Use-case model"));
    const other = await prisma.client.create({ data: { organizationId: org.organizationId, name: "Second client" }, select: { id: true } });
    const { createUseCase } = await import("./use-cases");
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => createUseCase(me, { clientId: org.clientId, productId: p.id, purpose: `Purpose ${i}`, dataClasses: ["PII"] })));
    expect((await expectClientCountsRight()).get(org.clientId)).toBe(40);
    // 10 moved to the other client and 5 moved back the other way at the same time.
    await Promise.all(made.slice(0, 10).map((u) => prisma.useCase.update({ where: { id: u.id }, data: { clientId: other.id } })));
    await Promise.all([...made.slice(0, 5).map((u) => prisma.useCase.update({ where: { id: u.id }, data: { clientId: org.clientId } })), ...made.slice(20, 25).map((u) => prisma.useCase.update({ where: { id: u.id }, data: { clientId: other.id } }))]);
    let counts = await expectClientCountsRight();
    expect([counts.get(org.clientId), counts.get(other.id)]).toEqual([30, 10]);
    // Status changes leave it alone; deletes count.
    await prisma.useCase.updateMany({ where: { clientId: org.clientId }, data: { status: "REJECTED" } });
    await prisma.useCase.deleteMany({ where: { id: { in: made.slice(30, 40).map((u) => u.id) } } });
    counts = await expectClientCountsRight();
    expect([counts.get(org.clientId), counts.get(other.id)]).toEqual([20, 10]);
  });
});
