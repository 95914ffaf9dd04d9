/**
 * Issue 17: the optimised scoring (compiled template versions, certifications worked out once)
 * gives exactly what the reference implementation gives (lib/domain/scoring/reference, the code
 * before the optimisation): same objects, same key order (snapshots store them as JSON), same
 * floats to the last bit, on many generated inputs.
 */
import { describe, expect, it } from "vitest";
import { scoreAnswers, compileQuestions } from "./answer-points";
import { redFlags } from "./red-flags";
import { scoreProduct } from "./score-product";
import { scoreAnswers as referenceAnswers } from "./reference/answer-points";
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
        expect(Object.is(result.score, reference.score)).toBe(true);
        expect(JSON.stringify(redFlags(input))).toBe(JSON.stringify(referenceRedFlags(input)));
        compared++;
      }
    }
    expect(compared).toBe(2000);
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
