import { describe, expect, it } from "vitest";
import { answerFromProduct, productChangeFromAnswer, sameAnswer, type ProductFacts } from "./product-facts";

const product: ProductFacts = {
  trainingPolicy: "NEVER",
  retentionKind: "DAYS",
  retentionDays: 30,
  processingRegions: ["US", "JP"],
  zeroRetentionAvailable: true,
  encryptionInTransit: true,
  encryptionAtRest: null,
  breachNoticeHours: 72,
};

describe("product facts", () => {
  it("derives the answer the record implies", () => {
    expect(answerFromProduct("trainingPolicy", product)).toBe("no");
    expect(answerFromProduct("retentionDays", product)).toBe(30);
    expect(answerFromProduct("processingRegions", product)).toEqual(["OTHER", "US"]);
    expect(answerFromProduct("encryptionAtRest", product)).toBeNull();
    expect(answerFromProduct("retentionDays", { ...product, retentionKind: "UNLIMITED" })).toBeNull();
  });
  it("compares answers by value", () => {
    expect(sameAnswer(["US", "OTHER"], ["OTHER", "US"])).toBe(true);
    expect(sameAnswer(30, "30" as unknown as number)).toBe(true);
    expect(sameAnswer("yes", "no")).toBe(false);
  });
  it("turns an answer into the product change it implies", () => {
    expect(productChangeFromAnswer("trainingPolicy", "yes", product)).toEqual({ trainingPolicy: "YES_NO_OPT_OUT" });
    expect(productChangeFromAnswer("trainingPolicy", "yes", { ...product, trainingPolicy: "OPT_OUT_AVAILABLE" })).toEqual({ trainingPolicy: "OPT_OUT_AVAILABLE" });
    expect(productChangeFromAnswer("retentionDays", 45, product)).toEqual({ retentionKind: "DAYS", retentionDays: 45 });
    expect(productChangeFromAnswer("processingRegions", ["EU", "OTHER"], product)).toEqual({ processingRegions: ["EU", "JP"] });
    expect(productChangeFromAnswer("breachNoticeHours", 24, product)).toBeNull();
  });
});
