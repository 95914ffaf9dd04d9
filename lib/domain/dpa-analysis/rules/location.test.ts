import { describe, expect, it } from "vitest";
import { sentencesOf } from "../test-document";
import { locationFacts, locationRule } from "./location";

describe("LOCATION", () => {
  it("fires on a region with a transfer mechanism", () => {
    const s = sentencesOf("Processor stores Personal Data in the European Union.", "Transfers outside the EEA are made under the Standard Contractual Clauses.");
    expect(locationRule(s).status).toBe("PRESENT");
    expect(locationFacts(s)).toMatchObject({ regions: ["EU"], mechanisms: ["SCCS"] });
  });
  it("does not count a mechanism the DPA disclaims or only defines", () => {
    const s = sentencesOf('"SCCs" means the standard contractual clauses.', "Vendor does not rely on Binding Corporate Rules.", "Data is hosted in the United States.");
    expect(locationFacts(s).mechanisms).toEqual([]);
  });
  it("is PARTIAL when data may go anywhere", () => {
    expect(locationRule(sentencesOf("User Content may be processed in any country where CheapBot operates.")).status).toBe("PARTIAL");
  });
});
