import "server-only";
import { Prisma } from "./prisma-client";

/** Columns that scope a unique key to the tenant: true of every key, so never worth naming. */
const SCOPE_COLUMNS = new Set(["organizationId", "id"]);

/**
 * The fields of the unique key a write collided with (PostgreSQL 23505, Prisma P2002), or null
 * when the error is something else. Two people saving the same value at once reach the database
 * together, so this is where the loser finds out: lib/http turns it into a CONFLICT naming the field.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = (error.meta ?? {}) as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string }; table?: string } } };
  let fields: string[] = [];
  if (Array.isArray(meta.target)) fields = meta.target.map(String);
  const cause = meta.driverAdapterError?.cause;
  if (!fields.length && cause?.constraint?.fields) fields = cause.constraint.fields;
  if (!fields.length && cause?.constraint?.index) fields = fieldsOfIndexName(cause.constraint.index, cause.table);
  const named = fields.filter((field) => !SCOPE_COLUMNS.has(field));
  return named.length ? named : fields;
}

/** Prisma names unique indexes "<Table>_<field>_<field>_key"; fields are camelCase, so "_" separates them. */
function fieldsOfIndexName(index: string, table: string | undefined): string[] {
  let rest = index;
  if (table && rest.startsWith(`${table}_`)) rest = rest.slice(table.length + 1);
  else rest = rest.replace(/^[A-Z][A-Za-z0-9]*_/, "");
  return rest.replace(/_(key|idx)$/, "").split("_").filter(Boolean);
}
