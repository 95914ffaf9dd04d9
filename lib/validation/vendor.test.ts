import { describe, expect, it } from "vitest";
import { productInput } from "./product";
import { vendorInput } from "./vendor";

const product = {
  vendorId: "v1",
  name: "API",
  tier: "BUSINESS",
  deploymentModel: "CLOUD_API",
  processingRegions: "us, eu, US",
  retentionKind: "DAYS",
  retentionDays: "30",
  zeroRetentionAvailable: true,
  trainingPolicy: "NEVER",
  encryptionInTransit: "YES",
  encryptionAtRest: "UNKNOWN",
};

describe("vendor input", () => {
  it("accepts a name alone and normalises blanks to null", () => {
    expect(vendorInput.parse({ name: "  OpenAI ", website: "", description: "" })).toEqual({ name: "OpenAI", website: null, description: null });
  });
  it("names the field that is wrong", () => {
    const result = vendorInput.safeParse({ name: "", website: "javascript:alert(1)" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "website"]));
  });
});

describe("product input", () => {
  it("parses regions and retention", () => {
    const parsed = productInput.parse(product);
    expect(parsed.processingRegions).toEqual(["US", "EU"]);
    expect(parsed.retentionDays).toBe(30);
  });
  it("requires days when retention is in days", () => {
    const result = productInput.safeParse({ ...product, retentionDays: "" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["retentionDays"], message: "Enter the retention period in days." });
  });
  it("drops days when retention is unlimited", () => {
    expect(productInput.parse({ ...product, retentionKind: "UNLIMITED" }).retentionDays).toBeNull();
  });
  it("refuses bad enum values and region codes", () => {
    const result = productInput.safeParse({ ...product, tier: "FREE", processingRegions: "eu-west-1" });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["tier", "processingRegions"]));
  });
});
