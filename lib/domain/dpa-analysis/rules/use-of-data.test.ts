import { describe, expect, it } from "vitest";
import { sentencesOf } from "../test-document";
import { noTrainingRule, ownershipRule, purposeRule } from "./use-of-data";

describe("PURPOSE", () => {
  it("fires on processing only on instructions", () => {
    const p = purposeRule(sentencesOf("3.1 Processor shall process Personal Data only on documented instructions from Controller."));
    expect(p).toMatchObject({ status: "PRESENT", evidence: [{ section: "3.1", page: 1 }] });
  });
  it("is PARTIAL when the vendor may also use the data to improve its services", () => {
    const p = purposeRule(sentencesOf("Vendor processes Customer Data solely to provide the Services.", "Vendor may use Customer Data to improve the quality of its services."));
    expect(p.status).toBe("PARTIAL");
    expect(p.reason).toMatch(/own ends/);
  });
  it("stays PRESENT when improvement is negated", () => {
    expect(purposeRule(sentencesOf("Vendor processes Customer Data solely to provide the Services, and will not use Customer Data to improve the Services unless Customer opts in.")).status).toBe("PRESENT");
  });
  it("is MISSING with nothing on purpose", () => {
    expect(purposeRule(sentencesOf("This addendum is governed by Irish law.")).status).toBe("MISSING");
  });
});

describe("NO_TRAINING", () => {
  it("fires on a negated training statement and quotes it", () => {
    const p = noTrainingRule(sentencesOf("2.02 Redwood will not use Customer Materials to train or improve its speech recognition models."));
    expect(p.status).toBe("PRESENT");
    expect(p.evidence[0]!.quote).toMatch(/will not use/);
  });
  it("does not fire on 'may use … to train' and says so", () => {
    const p = noTrainingRule(sentencesOf("CheapBot may use User Content to develop and improve the Services, including to train our artificial intelligence models."));
    expect(p).toMatchObject({ status: "MISSING", confidence: 0.9 });
    expect(p.evidence).toHaveLength(1);
  });
  it("is PARTIAL when training stops only on opt-out", () => {
    const p = noTrainingRule(sentencesOf("Sigma does not use data submitted through the API for model training.", "Unless Customer opts out in the console, Sigma may use prompts and outputs to train and improve its models."));
    expect(p.status).toBe("PARTIAL");
    expect(p.reason).toMatch(/opt out/);
  });
  it("ignores a definition that mentions training", () => {
    expect(noTrainingRule(sentencesOf('"Model Training" means using data to train a machine learning model.')).status).toBe("MISSING");
  });
});

describe("DATA_OWNERSHIP", () => {
  it("fires on the customer owning its data", () => {
    expect(ownershipRule(sentencesOf("As between the parties, Customer retains all right, title and interest in and to the Customer Data.")).status).toBe("PRESENT");
  });
  it("is quiet on a negated claim and the vendor owning its services", () => {
    expect(ownershipRule(sentencesOf("Vendor claims no ownership of anything.", "Vendor owns the Services and any improvements to them.")).status).toBe("MISSING");
  });
  it("is PARTIAL with roles only", () => {
    expect(ownershipRule(sentencesOf("Customer is the controller and Vendor is the processor of the Personal Data.")).status).toBe("PARTIAL");
  });
});
