import { describe, expect, it } from "vitest";
import { findDurations } from "./durations";
import { regionsIn } from "./regions";
import { isDefinition, isNegatedAt } from "./scope";
import { documentSentences, splitSentences } from "./sentences";
import { testDocument } from "./test-document";

const negatedAt = (text: string, word: string) => isNegatedAt(text, text.indexOf(word));

describe("negation scope", () => {
  it("sees a negation earlier in the same clause", () => {
    expect(negatedAt("Lumen will not use Customer Data to train its models.", "train")).toBe(true);
    expect(negatedAt("Processor shall not sell, rent or use Personal Data for its own purposes, including to train models.", "train")).toBe(true);
  });
  it("ends at a new clause with its own verb, a semicolon, 'but' or 'unless'", () => {
    expect(negatedAt("Vendor does not sell data, and Vendor may use it to train models.", "train")).toBe(false);
    expect(negatedAt("Vendor will not share data; it may use it to train models.", "train")).toBe(false);
    expect(negatedAt("Unless Customer opts out, Sigma may use prompts to train its models.", "train")).toBe(false);
    expect(negatedAt("No data is sold, but prompts may be used to train models.", "train")).toBe(false);
  });
  it("keeps plain affirmations affirmative", () => {
    expect(negatedAt("CheapBot may use User Content to train and improve our models.", "train")).toBe(false);
  });
});

describe("definitions", () => {
  it("recognises the usual shapes", () => {
    expect(isDefinition('1.3 "Sub-processor" means any processor engaged by Processor.')).toBe(true);
    expect(isDefinition('"Customer Data" (or "Your Data") means all data uploaded.')).toBe(true);
    expect(isDefinition("Terms not defined here have the meanings given in the Agreement.")).toBe(true);
    expect(isDefinition("Processor shall engage Sub-processors only with consent.")).toBe(false);
  });
});

describe("durations", () => {
  it("reads digits, words and words with digits in brackets", () => {
    expect(findDurations("within thirty-six (36) hours").map((d) => d.hours)).toEqual([36]);
    expect(findDurations("within 72 hours").map((d) => d.hours)).toEqual([72]);
    expect(findDurations("within five (5) business days").map((d) => d.hours)).toEqual([120]);
    expect(findDurations("within two days and 30 days' notice").map((d) => d.days)).toEqual([2, 30]);
    expect(findDurations("one month").map((d) => d.days)).toEqual([30]);
  });
});

describe("regions", () => {
  it("counts places data is in, not those it comes from or goes to", () => {
    expect(regionsIn("Data is hosted in the United Kingdom and the European Union.")).toEqual(["EU", "UK"]);
    expect(regionsIn("Transfers from the EEA to the United States use the SCCs.")).toEqual([]);
    expect(regionsIn("Processed in the United States; Sigma participates in the EU-U.S. Data Privacy Framework.")).toEqual(["US"]);
    expect(regionsIn("stored in data centres located in Frankfurt, Germany")).toEqual(["EU"]);
  });
});

describe("sentences", () => {
  it("does not split at clause numbers or abbreviations", () => {
    expect(splitSentences("See Section 4. Processor shall, e.g. on request, notify Customer. 9.2 applies.")).toEqual(["See Section 4. Processor shall, e.g. on request, notify Customer.", "9.2 applies."]);
  });
  it("carries the section number and heading", () => {
    const sentences = documentSentences(testDocument("# 7. Personal Data Breaches", "7.1 Processor shall notify Customer within 36 hours."));
    expect(sentences[1]).toMatchObject({ section: "7. Personal Data Breaches › 7.1", page: 1, isHeading: false });
  });
});
