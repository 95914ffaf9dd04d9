import { describe, expect, it } from "vitest";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { createProduct } from "./products";
import { clientName, memberName, productName, vendorName } from "./record-titles";
import { createVendor } from "./vendors";

describe("record titles", () => {
  it("name a record for its own organisation only, so a title never reveals another tenant's record", async () => {
    const [mine, theirs] = await Promise.all([createTestOrganization("Titles"), createTestOrganization("Other")]);
    const me = mine.as.ACCOUNT_MANAGER;
    const vendor = await createVendor(me, { name: "Anthropic", website: null, description: null });
    const product = await createProduct(me, productInput.parse({ vendorId: vendor.id, name: "Claude API", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));

    expect(await vendorName(me, vendor.id)).toBe("Anthropic");
    expect(await productName(me, product.id)).toBe("Claude API");
    expect(await clientName(me, mine.clientId)).toBe("Client A");
    expect(await memberName(me, me.userId)).toMatch(/^ACCOUNT_MANAGER /);

    const stranger = theirs.as.ADMIN;
    expect(await vendorName(stranger, vendor.id)).toBeNull();
    expect(await productName(stranger, product.id)).toBeNull();
    expect(await clientName(stranger, mine.clientId)).toBeNull();
    expect(await memberName(stranger, me.userId)).toBeNull();
    expect(await productName(me, "no-such-id")).toBeNull();
  });
});
