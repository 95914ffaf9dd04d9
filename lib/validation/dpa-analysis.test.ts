import { describe, expect, it } from "vitest";
import { applyDpaFactInput, decideProposalInput } from "./dpa-analysis";

describe("DPA analysis inputs", () => {
  it("a change to PRESENT or PARTIAL needs evidence, named on the field", () => {
    const result = decideProposalInput.safeParse({ proposalId: "p1", decision: "CHANGED", status: "PARTIAL", evidence: "  " });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["evidence"]);
    expect(decideProposalInput.parse({ proposalId: "p1", decision: "CHANGED", status: "MISSING" })).toMatchObject({ evidence: null });
  });
  it("refuses unknown decisions, ids and facts", () => {
    expect(decideProposalInput.safeParse({ proposalId: "p1", decision: "MAYBE" }).success).toBe(false);
    expect(decideProposalInput.safeParse({ proposalId: "x y", decision: "ACCEPTED" }).success).toBe(false);
    expect(applyDpaFactInput.safeParse({ analysisId: "a1", fact: "retentionDays" }).error?.issues[0]?.path).toEqual(["fact"]);
  });
});
