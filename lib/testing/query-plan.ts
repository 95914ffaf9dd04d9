import pg from "pg";

/**
 * Reading PostgreSQL's `EXPLAIN (ANALYZE, FORMAT JSON)` plans, for the tests and benchmarks that
 * check a list reads about a page of rows (issue 17), not the tenant's or the table's.
 */

/** The fields of a plan node these checks read. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Parent Relationship"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

/** The row of an EXPLAIN (FORMAT JSON): one column holding the plan. */
export type ExplainRow = { "QUERY PLAN": unknown };

/** The top node of an EXPLAIN (FORMAT JSON) result row. */
export function topPlan(row: ExplainRow | undefined): PlanNode {
  return (row!["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0]!.Plan;
}

/** A node and every node below it; `withInitPlans: false` leaves out InitPlan subtrees. */
export function planNodes(node: PlanNode, options: { withInitPlans?: boolean } = {}): PlanNode[] {
  const withInitPlans = options.withInitPlans ?? true;
  return [node, ...(node.Plans ?? []).filter((child) => withInitPlans || child["Parent Relationship"] !== "InitPlan").flatMap((child) => planNodes(child, options))];
}

/** Rows a scan node read, kept or filtered away, over all its loops. */
export function rowsRead(node: PlanNode): number {
  return ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * (node["Actual Loops"] ?? 1);
}

/** Buffers the whole statement touched (needs EXPLAIN's BUFFERS option). */
export function buffersTouched(top: PlanNode): number {
  return (top["Shared Hit Blocks"] ?? 0) + (top["Shared Read Blocks"] ?? 0);
}

/**
 * Refreshes the planner's statistics for `tables` as the database owner (the app role may not
 * ANALYZE), so an EXPLAIN check sees the tables as big as they are.
 */
export async function analyzeAsOwner(ownerUrl: string, tables: string[]) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    for (const table of tables) await owner.query(`ANALYZE "${table}"`);
  } finally {
    await owner.end();
  }
}
