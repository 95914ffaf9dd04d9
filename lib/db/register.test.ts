import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { parseListQuery } from "@/lib/validation/list-query";
import { createCertification, getCertification, setCertificationArchived, updateCertification } from "./certifications";
import { createDpa, getDpa, updateDpa } from "./dpas";
import { findEvidenceFile, recordEvidenceFile } from "./evidence-files";
import { createProduct, getProductOverview, productInTenant, setProductArchived, updateProduct } from "./products";
import { exportRegister, importRegister } from "./register-io";
import { listProducts, listVendors, PRODUCT_LIST, VENDOR_LIST } from "./register-lists";
import { replaceSubProcessors } from "./sub-processors";
import { createVendor, getVendorOverview, setVendorArchived, updateVendor } from "./vendors";

let a: TestOrganization;
let b: TestOrganization;

const productFields = (vendorId: string, name: string, extra: Record<string, unknown> = {}) =>
  productInput.parse({
    vendorId,
    name,
    tier: "BUSINESS",
    deploymentModel: "CLOUD_API",
    processingRegions: "US, EU",
    retentionKind: "DAYS",
    retentionDays: "30",
    zeroRetentionAvailable: true,
    trainingPolicy: "NEVER",
    encryptionInTransit: "YES",
    encryptionAtRest: "YES",
    ...extra,
  });

const dpaFields = (productId: string, extra: Record<string, unknown> = {}) => ({
  productId,
  title: "DPA 2026",
  signedAt: new Date("2026-01-10"),
  effectiveAt: new Date("2026-01-15"),
  expiresAt: new Date("2028-01-15"),
  breachNoticeHours: 72,
  transferMechanism: "SCCS" as const,
  isCurrent: true,
  fileId: null,
  notes: null,
  clauses: [{ clause: "NO_TRAINING" as const, status: "PRESENT" as const, evidence: "§4.2" }],
  ...extra,
});

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrganization("Reg A"), createTestOrganization("Reg B")]);
});

describe("vendors and products", () => {
  it("creates, updates and archives within the organisation, with audit events", async () => {
    const v = await createVendor(a.as.ACCOUNT_MANAGER, { name: "OpenAI", website: "https://openai.com", description: null });
    await expect(createVendor(a.as.ACCOUNT_MANAGER, { name: "OpenAI", website: null, description: null })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { name: expect.any(String) } });
    // The same name is fine in another organisation.
    await createVendor(b.as.ACCOUNT_MANAGER, { name: "OpenAI", website: null, description: null });
    await updateVendor(a.as.ACCOUNT_MANAGER, v.id, { name: "OpenAI, L.L.C.", website: "https://openai.com", description: "Maker of GPT" });
    const p = await createProduct(a.as.ACCOUNT_MANAGER, productFields(v.id, "OpenAI API"));
    await updateProduct(a.as.ACCOUNT_MANAGER, p.id, productFields(v.id, "OpenAI API", { retentionKind: "UNLIMITED" }));
    const { vendor, activity } = await getVendorOverview(a.as.ACCOUNT_MANAGER, v.id);
    expect(vendor.name).toBe("OpenAI, L.L.C.");
    expect(vendor.products[0]).toMatchObject({ name: "OpenAI API", retentionKind: "UNLIMITED", retentionDays: null, encryptionAtRest: true });
    expect(activity.map((e) => e.action)).toEqual(expect.arrayContaining(["vendor.create", "vendor.update", "product.create", "product.update"]));
    const update = activity.find((e) => e.action === "product.update");
    expect(update?.summary).toMatchObject({ before: { retentionKind: "DAYS", retentionDays: 30 }, after: { retentionKind: "UNLIMITED", retentionDays: null } });

    await setVendorArchived(a.as.ACCOUNT_MANAGER, v.id, true);
    expect((await productInTenant(a.as.ACCOUNT_MANAGER, p.id)).archivedAt).not.toBeNull();
    await expect(setProductArchived(a.as.ACCOUNT_MANAGER, p.id, false)).rejects.toMatchObject({ code: "CONFLICT" });
    await setVendorArchived(a.as.ACCOUNT_MANAGER, v.id, false);
    expect((await productInTenant(a.as.ACCOUNT_MANAGER, p.id)).archivedAt).toBeNull();
  });

  it("never reads or writes another organisation's vendors and products", async () => {
    const v = await createVendor(b.as.ACCOUNT_MANAGER, { name: "Anthropic", website: null, description: null });
    const p = await createProduct(b.as.ACCOUNT_MANAGER, productFields(v.id, "Claude API"));
    const me = a.as.ACCOUNT_MANAGER;
    await expect(getVendorOverview(me, v.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getProductOverview(me, p.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateVendor(me, v.id, { name: "Hijacked", website: null, description: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateProduct(me, p.id, productFields(v.id, "Hijacked"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setVendorArchived(me, v.id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setProductArchived(me, p.id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Creating a product under another organisation's vendor is refused on the field.
    await expect(createProduct(me, productFields(v.id, "Sneaky"))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { vendorId: expect.any(String) } });
    await expect(createDpa(me, dpaFields(p.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(replaceSubProcessors(me, { productId: p.id, items: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getProductOverview(b.as.ACCOUNT_MANAGER, p.id)).product.name).toBe("Claude API");
  });
});

describe("evidence", () => {
  it("keeps one current DPA per product and the whole 12-clause checklist", async () => {
    const v = await createVendor(a.as.ACCOUNT_MANAGER, { name: `DPA Co ${Date.now()}`, website: null, description: null });
    const p = await createProduct(a.as.ACCOUNT_MANAGER, productFields(v.id, "Service"));
    const first = await createDpa(a.as.ACCOUNT_MANAGER, dpaFields(p.id, { title: "DPA 2025" }));
    const second = await createDpa(a.as.ACCOUNT_MANAGER, dpaFields(p.id, { title: "DPA 2026" }));
    expect((await getDpa(a.as.ACCOUNT_MANAGER, first.id)).isCurrent).toBe(false);
    const dpa = await getDpa(a.as.ACCOUNT_MANAGER, second.id);
    expect(dpa.isCurrent).toBe(true);
    expect(dpa.clauses).toHaveLength(12);
    expect(dpa.clauses.find((c) => c.clause === "NO_TRAINING")).toMatchObject({ status: "PRESENT", evidence: "§4.2" });
    expect(dpa.clauses.find((c) => c.clause === "RETENTION")?.status).toBe("MISSING");

    await updateDpa(a.as.ACCOUNT_MANAGER, first.id, dpaFields(p.id, { title: "DPA 2025", isCurrent: true, clauses: [{ clause: "RETENTION", status: "PARTIAL", evidence: "Annex 2" }] }));
    expect((await getDpa(a.as.ACCOUNT_MANAGER, second.id)).isCurrent).toBe(false);
    expect((await getDpa(a.as.ACCOUNT_MANAGER, first.id)).clauses.find((c) => c.clause === "RETENTION")?.status).toBe("PARTIAL");
    await expect(getDpa(b.as.ACCOUNT_MANAGER, first.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records certifications and refuses another organisation's file", async () => {
    const v = await createVendor(a.as.ACCOUNT_MANAGER, { name: `Cert Co ${Date.now()}`, website: null, description: null });
    const p = await createProduct(a.as.ACCOUNT_MANAGER, productFields(v.id, "Service"));
    const foreignFile = await recordEvidenceFile(b.as.ACCOUNT_MANAGER, {
      storageKey: `aa/bb/${crypto.randomUUID()}`,
      originalName: "soc2.pdf",
      mimeType: "application/pdf",
      sizeBytes: 10,
      sha256: "0".repeat(64),
      wrappedKey: "k",
      iv: "i",
      authTag: "t",
    });
    const cert = { productId: p.id, type: "SOC2_TYPE_II" as const, name: null, issuer: "A-LIGN", scope: "API", issuedAt: new Date("2026-01-01"), expiresAt: new Date("2027-01-01") };
    await expect(createCertification(a.as.ACCOUNT_MANAGER, { ...cert, fileId: foreignFile.id })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(findEvidenceFile(a.as.ACCOUNT_MANAGER, foreignFile.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const created = await createCertification(a.as.ACCOUNT_MANAGER, { ...cert, fileId: null });
    await updateCertification(a.as.ACCOUNT_MANAGER, created.id, { ...cert, fileId: null, issuer: "Schellman" });
    expect((await getCertification(a.as.ACCOUNT_MANAGER, created.id)).issuer).toBe("Schellman");
    await setCertificationArchived(a.as.ACCOUNT_MANAGER, created.id, true);
    await expect(setCertificationArchived(b.as.ACCOUNT_MANAGER, created.id, false)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a history of sub-processor changes", async () => {
    const v = await createVendor(a.as.ACCOUNT_MANAGER, { name: `Sub Co ${Date.now()}`, website: null, description: null });
    const p = await createProduct(a.as.ACCOUNT_MANAGER, productFields(v.id, "Service"));
    const item = (name: string, country = "US") => ({ name, purpose: "Hosting", country, region: null });
    expect(await replaceSubProcessors(a.as.ACCOUNT_MANAGER, { productId: p.id, items: [item("Azure"), item("Snowflake")] })).toEqual({ changed: true });
    expect(await replaceSubProcessors(a.as.ACCOUNT_MANAGER, { productId: p.id, items: [item("Azure"), item("Snowflake")] })).toEqual({ changed: false });
    await replaceSubProcessors(a.as.ACCOUNT_MANAGER, { productId: p.id, items: [item("Azure", "IE"), item("Cloudflare")] });
    const { product } = await getProductOverview(a.as.ACCOUNT_MANAGER, p.id);
    expect(product.subProcessors.map((s) => s.name)).toEqual(["Azure", "Cloudflare"]);
    expect(product.subProcessorChanges).toHaveLength(2);
    expect(product.subProcessorChanges[0]).toMatchObject({ added: [expect.objectContaining({ name: "Cloudflare" })], removed: [expect.objectContaining({ name: "Snowflake" })] });
    expect(product.subProcessorChanges[0]!.changed).toEqual([expect.objectContaining({ before: expect.objectContaining({ country: "US" }), after: expect.objectContaining({ country: "IE" }) })]);
  });
});

describe("register lists", () => {
  it("pages, sorts, searches and filters in the database, inside the organisation", async () => {
    const org = await createTestOrganization("Lists");
    const me = org.as.ACCOUNT_MANAGER;
    for (let i = 0; i < 12; i++) {
      const v = await createVendor(me, { name: `Vendor ${String(i).padStart(2, "0")}`, website: null, description: null });
      await createProduct(me, productFields(v.id, `Model ${i}`, { tier: i % 3 === 0 ? "CONSUMER" : "ENTERPRISE" }));
    }
    const page2 = await listVendors(me, parseListQuery({ page: "2", pageSize: "10" }, VENDOR_LIST));
    expect(page2.total).toBe(12);
    expect(page2.rows.map((r) => r.name)).toEqual(["Vendor 10", "Vendor 11"]);
    const desc = await listVendors(me, parseListQuery({ sort: "-name", pageSize: "10" }, VENDOR_LIST));
    expect(desc.rows[0]!.name).toBe("Vendor 11");
    expect((await listVendors(me, parseListQuery({ q: "model 7" }, VENDOR_LIST))).rows.map((r) => r.name)).toEqual(["Vendor 07"]);
    const consumer = await listProducts(me, parseListQuery({ tier: "CONSUMER" }, PRODUCT_LIST));
    expect(consumer.total).toBe(4);
    expect(consumer.rows.every((r) => r.tier === "CONSUMER")).toBe(true);
    expect((await listProducts(a.as.ACCOUNT_MANAGER, parseListQuery({ q: "Model 7" }, PRODUCT_LIST))).total).toBe(0);
  });
});

describe("register import and export", () => {
  it("imports all rows or none, and exports what it imported", async () => {
    const org = await createTestOrganization("Import");
    const me = org.as.ACCOUNT_MANAGER;
    const row = (n: number, name: string) => ({ row: n, vendor: { name: "Mistral AI", website: null, description: null }, product: name ? { ...productFields("x", name), vendorId: undefined } : null });
    const clean = (r: ReturnType<typeof row>) => ({ ...r, product: r.product ? (({ vendorId: _v, ...rest }) => rest)(r.product) : null });
    const bad = await importRegister(me, [clean(row(2, "La Plateforme")), clean(row(3, "La Plateforme"))]);
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ row: 3, column: "product" })] });
    expect((await exportRegister(me)).length).toBe(0);
    const good = await importRegister(me, [clean(row(2, "La Plateforme")), clean(row(3, "Le Chat"))]);
    expect(good).toEqual({ ok: true, vendors: 1, products: 2 });
    const exported = await exportRegister(me);
    expect(exported.map((v) => [v.name, v.products.map((p) => p.name)])).toEqual([["Mistral AI", ["La Plateforme", "Le Chat"]]]);
    const again = await importRegister(me, [clean(row(2, "Le Chat"))]);
    expect(again).toMatchObject({ ok: false, errors: [expect.objectContaining({ message: expect.stringContaining("already has") })] });
  });
});

describe("evidence files", () => {
  it("records exactly the stored metadata, whatever else the store returns", async () => {
    const meta = { storageKey: `ab/cd/${crypto.randomUUID()}`, originalName: "a.pdf", mimeType: "application/pdf", sizeBytes: 3, sha256: "1".repeat(64), wrappedKey: "k", iv: "i", authTag: "t" };
    const file = await recordEvidenceFile(a.as.ACCOUNT_MANAGER, { ...meta, type: "PDF" } as typeof meta);
    expect(await findEvidenceFile(a.as.ACCOUNT_MANAGER, file.id)).toMatchObject({ ...meta, uploadedById: a.as.ACCOUNT_MANAGER.userId });
  });
});
