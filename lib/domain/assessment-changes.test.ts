import { describe, expect, it } from "vitest";
import { assessmentChanges } from "./assessment-changes";

const flag = (id: string) => ({ id, severity: "high" as const, evidence: id });

describe("changes since the previous assessment", () => {
  it("lists the score move, flags raised and cleared, and each changed answer by key", () => {
    const changes = assessmentChanges(
      {
        submittedAt: "2026-05-01",
        score: { score: 55, tier: "HIGH", flags: [flag("UNLIMITED_RETENTION"), flag("NO_INDEPENDENT_AUDIT")] },
        answers: { retention: { prompt: "Retention days?", shown: "" }, training: { prompt: "Trains on data?", shown: "No" }, dropped: { prompt: "Old question", shown: "Yes" } },
      },
      {
        submittedAt: "2026-11-01",
        score: { score: 82, tier: "MEDIUM", flags: [flag("NO_INDEPENDENT_AUDIT"), flag("SLOW_BREACH_NOTICE")] },
        answers: { retention: { prompt: "Retention days?", shown: "30" }, training: { prompt: "Trains on data?", shown: "No" }, added: { prompt: "New question", shown: "EU" } },
      },
    );
    expect(changes.score).toEqual({ before: 55, after: 82, tierBefore: "HIGH", tierAfter: "MEDIUM" });
    expect(changes.flagsRaised.map((f) => f.id)).toEqual(["SLOW_BREACH_NOTICE"]);
    expect(changes.flagsCleared.map((f) => f.id)).toEqual(["UNLIMITED_RETENTION"]);
    expect(changes.answers).toEqual([
      { key: "retention", prompt: "Retention days?", before: "", after: "30" },
      { key: "added", prompt: "New question", before: "", after: "EU" },
      { key: "dropped", prompt: "Old question", before: "Yes", after: "" },
    ]);
  });

  it("reports nothing when nothing changed", () => {
    const side = { submittedAt: null, score: { score: 70, tier: "MEDIUM", flags: [flag("X")] }, answers: { a: { prompt: "A", shown: "1" } } };
    expect(assessmentChanges(side, side)).toEqual({ score: { before: 70, after: 70, tierBefore: "MEDIUM", tierAfter: "MEDIUM" }, flagsRaised: [], flagsCleared: [], answers: [] });
  });
});
