import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { createHash } from "node:crypto";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { startAssessment } from "@/lib/db/assessments";
import { createDpa } from "@/lib/db/dpas";
import { createProduct } from "@/lib/db/products";
import { createTemplate } from "@/lib/db/questionnaires";
import { createReport } from "@/lib/db/reports";
import { createUseCase } from "@/lib/db/use-cases";
import { dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { createVendor } from "@/lib/db/vendors";
import type { ApiScope } from "@/lib/domain/api/scopes";
import { buildOpenApiDocument } from "@/lib/http/api-v1/openapi";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import * as clientById from "./clients/[clientId]/route";
import * as clients from "./clients/route";
import * as productScore from "./products/[productId]/score/route";
import * as productById from "./products/[productId]/route";
import * as products from "./products/route";
import * as useCaseById from "./use-cases/[useCaseId]/route";
import * as useCases from "./use-cases/route";
import * as vendorById from "./vendors/[vendorId]/route";
import * as vendors from "./vendors/route";
import * as assessmentById from "./assessments/[assessmentId]/route";
import * as assessments from "./assessments/route";
import * as certificationById from "./certifications/[certificationId]/route";
import * as certifications from "./certifications/route";
import * as dpaById from "./dpas/[dpaId]/route";
import * as dpas from "./dpas/route";
import * as subProcessors from "./products/[productId]/sub-processors/route";
import * as renewals from "./renewals/route";
import * as reportById from "./reports/[reportId]/route";
import * as reportPdf from "./reports/[reportId]/pdf/route";
import * as reports from "./reports/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://vetta.test/api/v1";

/** The document, and a validator per (path, method, status), to check real answers against it. */
const doc = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "vetta", components: doc.components }, "vetta");
function assertMatchesDocument(template: string, method: string, res: { status: number }, body: unknown) {
  const op = (doc.paths[template] as Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>)[method.toLowerCase()];
  expect(op, `${method} ${template} is in the document`).toBeDefined();
  const response = op!.responses[String(res.status)];
  expect(response, `${method} ${template} documents status ${res.status}`).toBeDefined();
  const schema = response!.content?.["application/json"]?.schema;
  if (!schema) return;
  const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll("#/components/", "vetta#/components/")));
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

async function call(handler: Handler, template: string, method: string, token: string | null, opts: { path?: string; params?: Record<string, string>; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.headers ?? {}) };
  if (opts.body !== undefined || opts.rawBody !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${BASE}${opts.path ?? template}`, { method, headers, body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (res.status !== 304) assertMatchesDocument(template, method, res, body);
  return { status: res.status, body, headers: res.headers };
}

let a: TestOrganization;
let b: TestOrganization;
let full: string;
const ALL: ApiScope[] = ["vendors:write", "products:write", "clients:write", "use-cases:read", "dpas:read", "certifications:write", "subprocessors:write", "assessments:read", "renewals:read", "reports:read"];

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrganization("API A"), createTestOrganization("API B")]);
  full = (await createApiToken(a.as.ADMIN, { name: "PSA sync", scopes: ALL, expiresInDays: 30 })).token;
});

describe("/api/v1 authentication", () => {
  it("refuses a missing or unknown token with 401, a revoked one too", async () => {
    expect((await call(vendors.GET, "/vendors", "GET", null)).status).toBe(401);
    expect((await call(vendors.GET, "/vendors", "GET", "vetta_nope")).body.error.code).toBe("unauthenticated");
    const revoked = await createApiToken(a.as.ADMIN, { name: "to revoke", scopes: ["vendors:read"], expiresInDays: 1 });
    expect((await call(vendors.GET, "/vendors", "GET", revoked.token)).status).toBe(200);
    await revokeApiToken(a.as.ADMIN, revoked.id);
    expect((await call(vendors.GET, "/vendors", "GET", revoked.token)).status).toBe(401);
  });

  it("keeps a token to its scopes (write implies read), with 403 naming the scope", async () => {
    const readOnly = await createApiToken(a.as.ADMIN, { name: "read only", scopes: ["vendors:read"], expiresInDays: 1 });
    expect((await call(vendors.GET, "/vendors", "GET", readOnly.token)).status).toBe(200);
    const refused = await call(vendors.POST, "/vendors", "POST", readOnly.token, { body: { name: "Not allowed" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("vendors:write");
    expect((await call(clients.GET, "/clients", "GET", readOnly.token)).status).toBe(403);
    expect((await call(vendors.GET, "/vendors", "GET", full, { path: "/vendors?q=Not%20allowed" })).body.data).toEqual([]);
  });

  it("answers 429 with Retry-After once a token's window is spent", async () => {
    const made = await createApiToken(a.as.ADMIN, { name: "spent", scopes: ["vendors:read"], expiresInDays: 1 });
    for (let i = 0; i < 600; i++) await authenticateApiToken(made.token, null);
    const res = await call(vendors.GET, "/vendors", "GET", made.token);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("/api/v1 vendors", () => {
  it("creates through the screens' schema, audited with the token as actor", async () => {
    const res = await call(vendors.POST, "/vendors", "POST", full, { body: { name: "Acme AI", website: "https://acme.example" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Acme AI", website: "https://acme.example", archived: false });
  });

  it("answers bad input with 400 naming the field, and saves nothing", async () => {
    const count = async () => (await call(vendors.GET, "/vendors", "GET", full, { path: "/vendors?limit=100&archived=all" })).body.data.length;
    const before = await count();
    const bad = await call(vendors.POST, "/vendors", "POST", full, { body: { name: "", website: "ftp://x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["name", "website"]));
    const nul = await call(vendors.POST, "/vendors", "POST", full, { body: { name: "A\u0000B" } });
    expect(nul).toMatchObject({ status: 400, body: { error: { fields: { name: expect.any(String) } } } });
    const notJson = await call(vendors.POST, "/vendors", "POST", full, { rawBody: "{name:" });
    expect(notJson.body.error.fields).toHaveProperty("body");
    const notUtf8 = await call(vendors.POST, "/vendors", "POST", full, { rawBody: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
    expect(notUtf8).toMatchObject({ status: 400, body: { error: { fields: { body: "Not valid UTF-8." } } } });
    const array = await call(vendors.POST, "/vendors", "POST", full, { body: [1] });
    expect(array.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("answers a duplicate name with 409 naming the field, also when 40 arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => call(vendors.POST, "/vendors", "POST", full, { body: { name: "Raced Vendor" } })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(39);
    expect(results.find((r) => r.status === 409)!.body.error).toMatchObject({ code: "conflict", fields: { name: expect.any(String) } });
  });

  it("pages by cursor: every row once, in a stable order", async () => {
    const org = await createTestOrganization("API paging");
    const token = (await createApiToken(org.as.ADMIN, { name: "pager", scopes: ["vendors:read"], expiresInDays: 1 })).token;
    for (let i = 0; i < 7; i++) await createVendor(org.as.ADMIN, { name: `Paged ${i}`, website: null, description: null });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof call>> = await call(vendors.GET, "/vendors", "GET", token, { path: `/vendors?limit=3${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((v: { id: string }) => v.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual(seen);
    const filtered = await call(vendors.GET, "/vendors", "GET", token, { path: "/vendors?q=paged%206" });
    expect(filtered.body.data.map((v: { name: string }) => v.name)).toEqual(["Paged 6"]);
    const badLimit = await call(vendors.GET, "/vendors", "GET", token, { path: "/vendors?limit=500" });
    expect(badLimit).toMatchObject({ status: 400, body: { error: { fields: { limit: expect.any(String) } } } });
  });

  it("updates only the fields sent, archives, and serves ETags", async () => {
    const created = await call(vendors.POST, "/vendors", "POST", full, { body: { name: "Patch Me", description: "keep this" } });
    const id = created.body.id as string;
    const first = await call(vendorById.GET, "/vendors/{vendorId}", "GET", full, { path: `/vendors/${id}`, params: { vendorId: id } });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const same = await call(vendorById.GET, "/vendors/{vendorId}", "GET", full, { path: `/vendors/${id}`, params: { vendorId: id }, headers: { "if-none-match": etag } });
    expect(same.status).toBe(304);
    const patched = await call(vendorById.PATCH, "/vendors/{vendorId}", "PATCH", full, { path: `/vendors/${id}`, params: { vendorId: id }, body: { website: "https://patched.example", archived: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Patch Me", description: "keep this", website: "https://patched.example", archived: true });
    const after = await call(vendorById.GET, "/vendors/{vendorId}", "GET", full, { path: `/vendors/${id}`, params: { vendorId: id }, headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    const badPatch = await call(vendorById.PATCH, "/vendors/{vendorId}", "PATCH", full, { path: `/vendors/${id}`, params: { vendorId: id }, body: { name: "   " } });
    expect(badPatch).toMatchObject({ status: 400, body: { error: { fields: { name: expect.any(String) } } } });
  });
});

describe("/api/v1 across organisations", () => {
  it("answers 404 for another organisation's ids, for reads and writes alike", async () => {
    const theirVendor = await createVendor(b.as.ADMIN, { name: "B's vendor", website: null, description: null });
    const theirClientId = b.clientId;
    expect((await call(vendorById.GET, "/vendors/{vendorId}", "GET", full, { path: `/vendors/${theirVendor.id}`, params: { vendorId: theirVendor.id } })).status).toBe(404);
    const write = await call(vendorById.PATCH, "/vendors/{vendorId}", "PATCH", full, { path: `/vendors/${theirVendor.id}`, params: { vendorId: theirVendor.id }, body: { name: "Taken over" } });
    expect(write.status).toBe(404);
    const theirs = (await createApiToken(b.as.ADMIN, { name: "B reads", scopes: ["vendors:read"], expiresInDays: 1 })).token;
    expect((await call(vendorById.GET, "/vendors/{vendorId}", "GET", theirs, { path: `/vendors/${theirVendor.id}`, params: { vendorId: theirVendor.id } })).body.name).toBe("B's vendor");
    expect((await call(clientById.GET, "/clients/{clientId}", "GET", full, { path: `/clients/${theirClientId}`, params: { clientId: theirClientId } })).status).toBe(404);
    const product = await call(products.POST, "/products", "POST", full, {
      body: { vendorId: theirVendor.id, name: "Sneaky", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: ["EU"], retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" },
    });
    // Another organisation's vendor reads as no vendor at all: the field is named, nothing leaks.
    expect(product).toMatchObject({ status: 400, body: { error: { message: "That vendor does not exist.", fields: { vendorId: expect.any(String) } } } });
    expect((await call(products.GET, "/products", "GET", full, { path: "/products?q=Sneaky&archived=all" })).body.data).toEqual([]);
    const list = await call(vendors.GET, "/vendors", "GET", full, { path: "/vendors?limit=100&archived=all" });
    expect(list.body.data.some((v: { id: string }) => v.id === theirVendor.id)).toBe(false);
  });
});

describe("/api/v1 products, clients and use cases", () => {
  it("round-trips a product with its score, and a client, and lists use cases", async () => {
    const vendor = await call(vendors.POST, "/vendors", "POST", full, { body: { name: "Product Vendor" } });
    const made = await call(products.POST, "/products", "POST", full, {
      body: { vendorId: vendor.body.id, name: "Model X", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU, US", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "UNKNOWN" },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ vendorName: "Product Vendor", processingRegions: ["EU", "US"], retentionDays: 30, encryptionAtRest: "UNKNOWN" });
    const id = made.body.id as string;
    const patched = await call(productById.PATCH, "/products/{productId}", "PATCH", full, { path: `/products/${id}`, params: { productId: id }, body: { retentionKind: "DAYS" } });
    expect(patched.body.retentionDays).toBe(30);
    const needsDays = await call(productById.PATCH, "/products/{productId}", "PATCH", full, { path: `/products/${id}`, params: { productId: id }, body: { retentionDays: null } });
    expect(needsDays).toMatchObject({ status: 400, body: { error: { fields: { retentionDays: expect.any(String) } } } });
    const score = await call(productScore.GET, "/products/{productId}/score", "GET", full, { path: `/products/${id}/score`, params: { productId: id } });
    expect(score.status).toBe(200);
    expect(score.body.flags.map((f: { id: string }) => f.id)).toContain("NO_DPA");
    const tierList = await call(products.GET, "/products", "GET", full, { path: `/products?tier=ENTERPRISE&vendorId=${vendor.body.id}` });
    expect(tierList.body.data.map((p: { id: string }) => p.id)).toEqual([id]);

    const client = await call(clients.POST, "/clients", "POST", full, { body: { name: "API Client", dataClasses: ["PII"], residency: "EU", frameworks: ["GDPR"] } });
    expect(client.status).toBe(201);
    const clientId = client.body.id as string;
    const archived = await call(clientById.PATCH, "/clients/{clientId}", "PATCH", full, { path: `/clients/${clientId}`, params: { clientId }, body: { archived: true } });
    expect(archived.body).toMatchObject({ name: "API Client", archived: true, dataClasses: ["PII"] });

    const useCase = await createUseCase(a.as.ACCOUNT_MANAGER, { clientId: a.clientId, productId: id, purpose: "Summaries", dataClasses: ["PII"] });
    const list = await call(useCases.GET, "/use-cases", "GET", full, { path: `/use-cases?productId=${id}` });
    expect(list.body.data).toEqual([expect.objectContaining({ id: useCase.id, status: "PROPOSED", clientName: "Client A", productName: "Model X", validUntil: null })]);
    const one = await call(useCaseById.GET, "/use-cases/{useCaseId}", "GET", full, { path: `/use-cases/${useCase.id}`, params: { useCaseId: useCase.id } });
    expect(one.body.vendorName).toBe("Product Vendor");
    const badFilter = await call(useCases.GET, "/use-cases", "GET", full, { path: "/use-cases?status=MAYBE&validBefore=tomorrow" });
    expect(Object.keys(badFilter.body.error.fields).sort()).toEqual(["status", "validBefore"]);
  });
});

describe("the OpenAPI document", () => {
  it("describes exactly the routes that exist, with the methods they export", async () => {
    const root = path.join(import.meta.dirname);
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "route.ts") {
          const template = path.relative(root, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
          if (template === "openapi.json") continue;
          const source = readFileSync(full, "utf8");
          for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) if (new RegExp(`export const ${method}\\b`).test(source)) routes.push(`${method} /${template}`);
        }
      }
    };
    walk(root);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes.sort()).toEqual(documented.sort());
  });

  it("is valid OpenAPI 3.1 in shape, with every schema reference resolvable", () => {
    expect(doc.openapi).toBe("3.1.0");
    const refs = JSON.stringify(doc).match(/"\$ref":"([^"]+)"/g) ?? [];
    for (const ref of refs) {
      const name = ref.split("/").pop()!.replace(/"$/, "");
      expect(doc.components.schemas, ref).toHaveProperty(name);
    }
  });
});

const productBody = (vendorId: string, name: string) =>
  productInput.parse({ vendorId, name, tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" });

describe("/api/v1 evidence, assessments, renewals and reports", () => {
  it("records and changes certifications through the form's schema, and lists them", async () => {
    const vendor = await createVendor(a.as.ADMIN, { name: "Cert Vendor", website: null, description: null });
    const product = await createProduct(a.as.ADMIN, productBody(vendor.id, "Cert Product"));
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const blank = await call(certifications.POST, "/certifications", "POST", full, { body: { productId: product.id } });
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.error.fields)).toEqual(expect.arrayContaining(["type", "issuer", "issuedAt", "expiresAt"]));
    const made = await call(certifications.POST, "/certifications", "POST", full, { body: { productId: product.id, type: "SOC2_TYPE_II", issuer: "Audit LLP", issuedAt: "2026-01-10", expiresAt: soon } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ type: "SOC2_TYPE_II", issuedAt: "2026-01-10", expiresAt: soon, fileId: null, archived: false });
    const id = made.body.id as string;
    const backwards = await call(certificationById.PATCH, "/certifications/{certificationId}", "PATCH", full, { path: `/certifications/${id}`, params: { certificationId: id }, body: { expiresAt: "2025-01-01" } });
    expect(backwards).toMatchObject({ status: 400, body: { error: { fields: { expiresAt: expect.any(String) } } } });
    const patched = await call(certificationById.PATCH, "/certifications/{certificationId}", "PATCH", full, { path: `/certifications/${id}`, params: { certificationId: id }, body: { scope: "Production API" } });
    expect(patched.body).toMatchObject({ scope: "Production API", issuer: "Audit LLP", expiresAt: soon });
    const listed = await call(certifications.GET, "/certifications", "GET", full, { path: `/certifications?productId=${product.id}&expiresBefore=${soon}` });
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([id]);
    // It is due within 90 days, so it is a renewal.
    const due = await call(renewals.GET, "/renewals", "GET", full, { path: "/renewals?days=30" });
    expect(due.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "CERTIFICATION_EXPIRY", itemId: id, dueOn: soon, productId: product.id })]));
    expect((await call(renewals.GET, "/renewals", "GET", full, { path: "/renewals?days=400" })).body.error.fields).toHaveProperty("days");
  });

  it("replaces a sub-processor list as the screen does, refusing duplicates by field", async () => {
    const vendor = await createVendor(a.as.ADMIN, { name: "Subs Vendor", website: null, description: null });
    const product = await createProduct(a.as.ADMIN, productBody(vendor.id, "Subs Product"));
    const path = `/products/${product.id}/sub-processors`;
    const dupes = await call(subProcessors.PUT, "/products/{productId}/sub-processors", "PUT", full, { path, params: { productId: product.id }, body: { items: [{ name: "AWS" }, { name: "aws" }] } });
    expect(dupes).toMatchObject({ status: 400, body: { error: { fields: { "items.1.name": expect.any(String) } } } });
    const put = await call(subProcessors.PUT, "/products/{productId}/sub-processors", "PUT", full, { path, params: { productId: product.id }, body: { items: [{ name: "AWS", country: "US", purpose: "Hosting" }] } });
    expect(put.body).toEqual({ productId: product.id, items: [{ name: "AWS", purpose: "Hosting", country: "US", region: null }] });
    expect((await call(subProcessors.GET, "/products/{productId}/sub-processors", "GET", full, { path, params: { productId: product.id } })).body.items).toHaveLength(1);
  });

  it("reads DPAs with clause statuses, assessments with answers, and reports with their PDF", async () => {
    const vendor = await createVendor(a.as.ADMIN, { name: "Read Vendor", website: null, description: null });
    const product = await createProduct(a.as.ADMIN, productBody(vendor.id, "Read Product"));
    const dpa = await createDpa(a.as.ADMIN, dpaInput.parse({
      productId: product.id,
      title: "Read DPA",
      signedAt: "2026-01-01",
      effectiveAt: null,
      expiresAt: null,
      breachNoticeHours: 72,
      transferMechanism: "SCCS",
      isCurrent: true,
      fileId: null,
      notes: null,
      clauses: [{ clause: "BREACH_NOTIFICATION", status: "PRESENT", evidence: "§7.2" }],
    }));
    const dpaRes = await call(dpaById.GET, "/dpas/{dpaId}", "GET", full, { path: `/dpas/${dpa.id}`, params: { dpaId: dpa.id } });
    expect(dpaRes.body).toMatchObject({ title: "Read DPA", breachNoticeHours: 72, isCurrent: true, signedAt: "2026-01-01" });
    expect(dpaRes.body.clauses).toEqual(expect.arrayContaining([expect.objectContaining({ clause: "BREACH_NOTIFICATION", status: "PRESENT", evidence: "§7.2" })]));
    expect((await call(dpas.GET, "/dpas", "GET", full, { path: `/dpas?productId=${product.id}&current=true` })).body.data).toHaveLength(1);

    await createTemplate(a.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const assessment = await startAssessment(a.as.ACCOUNT_MANAGER, product.id);
    const list = await call(assessments.GET, "/assessments", "GET", full, { path: `/assessments?productId=${product.id}&status=DRAFT` });
    expect(list.body.data).toEqual([expect.objectContaining({ id: assessment.id, status: "DRAFT", productName: "Read Product" })]);
    const one = await call(assessmentById.GET, "/assessments/{assessmentId}", "GET", full, { path: `/assessments/${assessment.id}`, params: { assessmentId: assessment.id } });
    expect(one.body).toMatchObject({ id: assessment.id, answers: expect.any(Array) });

    const report = await createReport(a.as.COMPLIANCE_OFFICER, { kind: "PRODUCT", productId: product.id }, "https://vetta.example");
    const meta = await call(reportById.GET, "/reports/{reportId}", "GET", full, { path: `/reports/${report.id}`, params: { reportId: report.id } });
    expect(meta.body).toMatchObject({ id: report.id, kind: "PRODUCT", productId: product.id, pdfSha256: report.pdfSha256 });
    expect((await call(reports.GET, "/reports", "GET", full, { path: `/reports?productId=${product.id}` })).body.data).toHaveLength(1);
    const pdfRes = await reportPdf.GET(new Request(`${BASE}/reports/${report.id}/pdf`, { headers: { authorization: `Bearer ${full}` } }), { params: Promise.resolve({ reportId: report.id }) });
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdfRes.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(report.pdfSha256);
  });

  it("answers 404 on every read-by-id route for another organisation's records", async () => {
    const vendor = await createVendor(b.as.ADMIN, { name: "B matrix vendor", website: null, description: null });
    const product = await createProduct(b.as.ADMIN, productBody(vendor.id, "B matrix product"));
    const dpa = await createDpa(b.as.ADMIN, dpaInput.parse({ productId: product.id, title: "B DPA", transferMechanism: "NONE", isCurrent: true, clauses: [] }));
    const report = await createReport(b.as.COMPLIANCE_OFFICER, { kind: "PRODUCT", productId: product.id }, "https://vetta.example");
    const useCase = await createUseCase(b.as.ACCOUNT_MANAGER, { clientId: b.clientId, productId: product.id, purpose: "B purpose", dataClasses: [] });
    await createTemplate(b.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const assessment = await startAssessment(b.as.ACCOUNT_MANAGER, product.id);
    const cases: Array<[Handler, string, string, Record<string, string>]> = [
      [vendorById.GET, "/vendors/{vendorId}", `/vendors/${vendor.id}`, { vendorId: vendor.id }],
      [productById.GET, "/products/{productId}", `/products/${product.id}`, { productId: product.id }],
      [productScore.GET, "/products/{productId}/score", `/products/${product.id}/score`, { productId: product.id }],
      [subProcessors.GET, "/products/{productId}/sub-processors", `/products/${product.id}/sub-processors`, { productId: product.id }],
      [dpaById.GET, "/dpas/{dpaId}", `/dpas/${dpa.id}`, { dpaId: dpa.id }],
      [clientById.GET, "/clients/{clientId}", `/clients/${b.clientId}`, { clientId: b.clientId }],
      [useCaseById.GET, "/use-cases/{useCaseId}", `/use-cases/${useCase.id}`, { useCaseId: useCase.id }],
      [assessmentById.GET, "/assessments/{assessmentId}", `/assessments/${assessment.id}`, { assessmentId: assessment.id }],
      [reportById.GET, "/reports/{reportId}", `/reports/${report.id}`, { reportId: report.id }],
    ];
    for (const [handler, template, path, params] of cases) {
      const res = await call(handler, template, "GET", full, { path, params });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const pdf = await reportPdf.GET(new Request(`${BASE}/reports/${report.id}/pdf`, { headers: { authorization: `Bearer ${full}` } }), { params: Promise.resolve({ reportId: report.id }) });
    expect(pdf.status).toBe(404);
    const put = await call(subProcessors.PUT, "/products/{productId}/sub-processors", "PUT", full, { path: `/products/${product.id}/sub-processors`, params: { productId: product.id }, body: { items: [{ name: "Injected" }] } });
    expect(put.status).toBe(404);
    for (const [handler, template, filter] of [[dpas.GET, "/dpas", `productId=${product.id}`], [assessments.GET, "/assessments", `productId=${product.id}`], [reports.GET, "/reports", `productId=${product.id}`], [certifications.GET, "/certifications", `productId=${product.id}`]] as const) {
      expect((await call(handler, template, "GET", full, { path: `${template}?${filter}` })).body.data, template).toEqual([]);
    }
  });
});
