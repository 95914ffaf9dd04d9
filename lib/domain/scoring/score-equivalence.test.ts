/**
 * Issue 17: the optimised scoring (compiled template versions, certifications worked out once)
 * gives exactly what the reference implementation gives (lib/domain/scoring/reference, the code
 * before the optimisation): same objects, same key order (snapshots store them as JSON), same
 * floats to the last bit, on many generated inputs.
 */
import { describe, expect, it } from "vitest";
import { scoreAnswers, compileQuestions } from "./answer-points";
import { countingCertifications } from "./counting-evidence";
import { redFlags } from "./red-flags";
import { scoreProduct } from "./score-product";
import { scoreAnswers as referenceAnswers } from "./reference/answer-points";
import { countingCertifications as referenceCounting } from "./reference/counting-evidence";
import { redFlags as referenceRedFlags } from "./reference/red-flags";
import { scoreProduct as referenceProduct } from "./reference/score-product";
import { generateAnswers, generateInput, generateQuestions, generateWeights, randomSource } from "./reference/generate-inputs";

describe("optimised scoring against the reference", () => {
  // Thousands of deep comparisons: slow on a loaded machine, so a generous limit (this is not a timing test).
  it("scores 2,000 generated templates × answer sets × inputs identically", { timeout: 120_000 }, () => {
    const r = randomSource(20261204);
    let compared = 0;
    for (let t = 0; t < 200; t++) {
      const questions = generateQuestions(r);
      for (let k = 0; k < 10; k++) {
        const answers = generateAnswers(r, questions);
        const mine = scoreAnswers(questions, answers);
        const theirs = referenceAnswers(questions, answers);
        expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
        expect(mine).toEqual(theirs);
        const input = generateInput(r, r.chance(0.1) ? null : { answers: mine });
        const weights = generateWeights(r);
        const version = r.int(1, 5);
        const result = scoreProduct(input, weights, version);
        const reference = referenceProduct(input, weights, version);
        expect(JSON.stringify(result)).toBe(JSON.stringify(reference));
        // The same input as plain, unshared objects (a snapshot read back from JSON) scores the same.
        expect(JSON.stringify(scoreProduct(structuredClone(input), weights, version))).toBe(JSON.stringify(reference));
        expect(Object.is(result.score, reference.score)).toBe(true);
        expect(JSON.stringify(redFlags(input))).toBe(JSON.stringify(referenceRedFlags(input)));
        compared++;
      }
    }
    expect(compared).toBe(2000);
  });

  it("shares results between answer sets only as frozen objects, so no reader can change another's", () => {
    const r = randomSource(11);
    const questions = generateQuestions(r, 40);
    const first = scoreAnswers(questions, generateAnswers(r, questions));
    const again = scoreAnswers(questions, generateAnswers(r, questions));
    expect(first.length).toBeGreaterThan(0);
    for (const a of [...first, ...again]) expect(Object.isFrozen(a)).toBe(true);
    expect(() => Object.assign(first[0]!, { points: 1234 })).toThrow(TypeError);
    const result = scoreProduct(generateInput(r, { answers: first }));
    for (const c of result.contributions) if (c.part === "dpa") expect(() => Object.assign(c, { points: 99 })).toThrow(TypeError);
    // Results of the same product are equal, and the arrays are each result's own.
    const other = scoreProduct(generateInput(randomSource(11), null));
    expect(other.contributions).not.toBe(result.contributions);
  });

  it("counts certifications as the reference does with repeated, tied and same-object records", () => {
    const soc = { id: "a", type: "SOC2_TYPE_II" as const, expiresAt: "2027-01-01", issuedAt: "2026-01-01" };
    const older = { id: "b", type: "SOC2_TYPE_II" as const, expiresAt: "2026-06-01", issuedAt: "2025-01-01" };
    const tie = { id: "c", type: "SOC2_TYPE_II" as const, expiresAt: "2026-09-01", issuedAt: "2026-01-01" };
    const other1 = { id: "x", type: "OTHER" as const, expiresAt: null };
    const other2 = { type: "OTHER" as const, expiresAt: null };
    for (const list of [[soc, older, soc], [older, soc, older], [soc, tie], [tie, soc], [soc, older, tie, other1, other2, other1], [other2, other2], []]) {
      expect(countingCertifications(list)).toEqual(referenceCounting(list));
    }
  });

  it("compiles a template version once and reuses it for every answer set", () => {
    const questions = generateQuestions(randomSource(7), 30);
    expect(compileQuestions(questions)).toBe(compileQuestions(questions));
    // A copy of the array is another version as far as the cache knows, with the same result.
    expect(scoreAnswers([...questions], {})).toEqual(scoreAnswers(questions, {}));
  });

  it("the generator reaches every branch that matters (not a vacuous comparison)", { timeout: 60_000 }, () => {
    const r = randomSource(99);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const questions = generateQuestions(r);
      for (const a of scoreAnswers(questions, generateAnswers(r, questions))) seen.add(`status:${a.status}`);
      const result = scoreProduct(generateInput(r, null), generateWeights(r));
      seen.add(`tier:${result.tier}`);
      for (const c of result.contributions) if (c.excluded) seen.add(`excluded:${c.excluded}`);
      for (const c of result.contributions) if (c.unverified) seen.add("unverified");
      for (const f of result.flags) seen.add(`flag:${f.id}`);
    }
    for (const expected of ["status:ANSWERED", "status:UNANSWERED", "status:NOT_ASKED", "status:NO_BANDS", "tier:LOW", "tier:MEDIUM", "tier:HIGH", "tier:CRITICAL", "excluded:NOT_APPLICABLE", "excluded:SUPERSEDED", "unverified", "flag:RESIDENCY_MISMATCH", "flag:PHI_WITHOUT_BAA", "flag:EXPIRED_EVIDENCE", "flag:NO_INDEPENDENT_AUDIT"]) {
      expect(seen, expected).toContain(expected);
    }
  });
});
