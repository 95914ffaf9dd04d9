import { describe, expect, it } from "vitest";
import { sentencesOf } from "../test-document";
import { dataCategoriesRule, deletionRule, portabilityRule, retentionRule } from "./data-lifecycle";

describe("DATA_CATEGORIES", () => {
  it("fires with both data and subjects", () => {
    expect(dataCategoriesRule(sentencesOf("Categories of Personal Data: names, email addresses, IP addresses.", "Data subjects: Customer's employees and contractors.")).status).toBe("PRESENT");
  });
  it("is PARTIAL with data types only", () => {
    expect(dataCategoriesRule(sentencesOf("Personal Information may include contact details (name, email address, telephone number).")).status).toBe("PARTIAL");
  });
  it("ignores the same words in a definition", () => {
    expect(dataCategoriesRule(sentencesOf('"Personal Data" means names, email addresses and other data of data subjects such as employees.')).status).toBe("MISSING");
  });
});

describe("RETENTION", () => {
  it("fires on a finite period", () => {
    expect(retentionRule(sentencesOf("Customer Data is retained for up to thirty (30) days and then deleted.")).status).toBe("PRESENT");
  });
  it("is PARTIAL on 'as long as necessary'", () => {
    const p = retentionRule(sentencesOf("Vendor retains User Content for as long as necessary to fulfil the purposes."));
    expect(p.status).toBe("PARTIAL");
    expect(p.reason).toMatch(/no period/);
  });
});

describe("DELETION_RETURN", () => {
  it("fires with deletion at the end and a certificate", () => {
    expect(deletionRule(sentencesOf("Upon termination, Processor shall delete all Personal Data within 30 days and certify the deletion in writing.")).status).toBe("PRESENT");
  });
  it("is PARTIAL when certificates are refused (negation)", () => {
    const p = deletionRule(sentencesOf("Following termination, Vendor deletes Customer Data within 60 days.", "Vendor does not issue deletion certificates."));
    expect(p.status).toBe("PARTIAL");
  });
  it("is MISSING when nothing happens at the end", () => {
    expect(deletionRule(sentencesOf("Vendor may update this addendum from time to time.")).status).toBe("MISSING");
  });
});

describe("PORTABILITY_EXIT", () => {
  it("fires on an export in a named format", () => {
    expect(portabilityRule(sentencesOf("Customer may export its data at any time in CSV or JSON format.")).status).toBe("PRESENT");
  });
  it("is PARTIAL on return without a format", () => {
    expect(portabilityRule(sentencesOf("At the end of the term Vendor shall return the Customer Data.")).status).toBe("PARTIAL");
  });
});

describe("negations the lifecycle rules must not count", () => {
  it("no export format offered is no export", () => {
    expect(portabilityRule(sentencesOf("Vendor does not provide exports in CSV or any other machine-readable format.")).status).toBe("MISSING");
  });
  it("a retention period the vendor disclaims is not a retention period", () => {
    expect(retentionRule(sentencesOf("Vendor does not delete data after 30 days.")).status).toBe("MISSING");
  });
});
