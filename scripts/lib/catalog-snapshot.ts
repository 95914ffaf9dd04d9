/**
 * A comparable description of a database's schema (tables, columns, enums, indexes,
 * constraints) read from PostgreSQL's catalog, for the drift test. Triggers, functions and
 * Prisma's own bookkeeping table are left out: only the migrations carry those.
 */
import pg from "pg";

export async function catalogSnapshot(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line).sort();
    return {
      tables: await rows(`
        SELECT c.relname AS line FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`),
      // format_type keeps modifiers (varchar(255), numeric(10,2), text[]) that udt_name drops;
      // column order is left out, since a column added by a later migration comes last.
      columns: await rows(`
        SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
          || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
          || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS line
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
          AND a.attnum > 0 AND NOT a.attisdropped`),
      enums: await rows(`
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`),
      indexes: await rows(`SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await rows(`
        SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'`),
    };
  } finally {
    await client.end();
  }
}

/** Lines present on one side only, labelled, or [] when the snapshots match. */
export function snapshotDifferences(a: Record<string, string[]>, b: Record<string, string[]>, labels: [string, string]): string[] {
  const out: string[] = [];
  for (const kind of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = new Set(a[kind] ?? []);
    const right = new Set(b[kind] ?? []);
    for (const line of left) if (!right.has(line)) out.push(`${kind}: only in ${labels[0]}: ${line}`);
    for (const line of right) if (!left.has(line)) out.push(`${kind}: only in ${labels[1]}: ${line}`);
  }
  return out;
}
