/** How a proposal compares with a labelled document: the measure the benchmark and the regression test share. Pure. */
import { DPA_CLAUSES, type DpaClause } from "@/lib/domain/vocabulary";
import type { DpaAnalysis, DpaFacts, ProposedStatus } from "./types";

export type LabelledDpa = { name: string; file: string; heldOut: boolean; style: string; clauses: Record<DpaClause, ProposedStatus>; facts: DpaFacts };

export type Comparison = { clausesAgreed: number; clausesTotal: number; factsRight: number; factsTotal: number; misses: string[] };

const sameFact = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function compare(expected: LabelledDpa, actual: DpaAnalysis): Comparison {
  const misses: string[] = [];
  let clausesAgreed = 0;
  for (const clause of DPA_CLAUSES) {
    if (actual.clauses[clause].status === expected.clauses[clause]) clausesAgreed++;
    else misses.push(`${clause}: expected ${expected.clauses[clause]}, got ${actual.clauses[clause].status}`);
  }
  let factsRight = 0;
  const keys = Object.keys(expected.facts) as Array<keyof DpaFacts>;
  for (const key of keys) {
    if (sameFact(actual.facts[key], expected.facts[key])) factsRight++;
    else misses.push(`${key}: expected ${JSON.stringify(expected.facts[key])}, got ${JSON.stringify(actual.facts[key])}`);
  }
  return { clausesAgreed, clausesTotal: DPA_CLAUSES.length, factsRight, factsTotal: keys.length, misses };
}
