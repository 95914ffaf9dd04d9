/**
 * The version of the DPA rule pack. Stored with every proposal, like the scoring model version
 * with a score: when a rule, pattern or threshold changes, bump it, so a reviewer can tell which
 * rules produced an old proposal. The benchmark figures in BENCHMARKS.md name it too.
 */
export const DPA_RULE_VERSION = 2;
