import { describe, expect, it } from "vitest";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { parseListQuery } from "@/lib/validation/list-query";
import { productInput } from "@/lib/validation/product";
import { createCertification } from "./certifications";
import { createDpa } from "./dpas";
import { createProduct } from "./products";
import { listProducts, PRODUCT_LIST } from "./register-lists";
import { liveProductScore } from "./scoring";
import { replaceSubProcessors } from "./sub-processors";
import { createVendor } from "./vendors";

describe("live product score", () => {
  it("scores from the register, caches the tier for lists, and stays in its organisation", async () => {
    const org = await createTestOrganization("Score");
    const other = await createTestOrganization("Score other");
    const me = org.as.ACCOUNT_MANAGER;
    const v = await createVendor(me, { name: "V", website: null, description: null });
    const p = await createProduct(
      me,
      productInput.parse({ vendorId: v.id, name: "P", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: "30", zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }),
    );
    const bare = await liveProductScore(me, p.id);
    expect(bare.result.tier).toBe("CRITICAL");
    expect(bare.result.flags.map((f) => f.id)).toEqual(expect.arrayContaining(["NO_DPA", "NO_INDEPENDENT_AUDIT"]));

    await createDpa(me, {
      productId: p.id,
      title: "DPA",
      signedAt: new Date("2026-01-01"),
      effectiveAt: null,
      expiresAt: new Date("2030-01-01"),
      breachNoticeHours: 48,
      transferMechanism: "SCCS",
      isCurrent: true,
      fileId: null,
      notes: null,
      clauses: ["PURPOSE", "DATA_CATEGORIES", "RETENTION", "SUBPROCESSORS", "SECURITY_MEASURES", "LOCATION", "AUDIT_RIGHTS", "NO_TRAINING", "BREACH_NOTIFICATION", "DELETION_RETURN", "DATA_OWNERSHIP", "PORTABILITY_EXIT"].map((clause) => ({ clause: clause as "PURPOSE", status: "PRESENT" as const, evidence: "§1" })),
    });
    await createCertification(me, { productId: p.id, type: "SOC2_TYPE_II", name: null, issuer: null, scope: null, issuedAt: null, expiresAt: new Date("2030-01-01"), fileId: null });
    await replaceSubProcessors(me, { productId: p.id, items: [{ name: "Azure", purpose: null, country: null, region: null }] });
    const { result } = await liveProductScore(me, p.id);
    // DPA 100 · 40% + questionnaire 0 (none submitted) · 40% + certifications 100 · 20% = 60
    expect(result).toMatchObject({ score: 60, tier: "MEDIUM", flags: [] });
    const listed = await listProducts(me, parseListQuery({ riskTier: "MEDIUM" }, PRODUCT_LIST));
    expect(listed.rows.map((r) => r.name)).toEqual(["P"]);
    await expect(liveProductScore(other.as.ACCOUNT_MANAGER, p.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
