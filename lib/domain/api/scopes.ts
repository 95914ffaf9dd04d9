/**
 * What an API token may touch: one scope per resource and verb. Only resources the REST API
 * serves are listed, so a token can never be granted something that does not exist yet.
 */
export const API_READ_RESOURCES = ["vendors", "products", "dpas", "certifications", "subprocessors", "clients", "use-cases", "assessments", "renewals", "reports"] as const;
export const API_WRITE_RESOURCES = ["vendors", "products", "certifications", "subprocessors", "clients"] as const;

export type ApiReadResource = (typeof API_READ_RESOURCES)[number];
export type ApiWriteResource = (typeof API_WRITE_RESOURCES)[number];
export type ApiScope = `${ApiReadResource}:read` | `${ApiWriteResource}:write`;

export const API_SCOPES = [
  ...API_READ_RESOURCES.map((r) => `${r}:read` as const),
  ...API_WRITE_RESOURCES.map((r) => `${r}:write` as const),
] as [ApiScope, ...ApiScope[]];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "vendors:read": "Read vendors",
  "products:read": "Read products, their scores and flags",
  "clients:read": "Read clients",
  "use-cases:read": "Read use cases (status, tier, valid until)",
  "dpas:read": "Read DPAs and their clause statuses",
  "certifications:read": "Read certifications",
  "subprocessors:read": "Read sub-processor lists",
  "assessments:read": "Read assessments and their answers",
  "renewals:read": "Read upcoming renewals",
  "reports:read": "Read risk reports and download their PDFs",
  "certifications:write": "Record and change certifications",
  "subprocessors:write": "Replace sub-processor lists",
  "vendors:write": "Create and change vendors",
  "products:write": "Create and change products",
  "clients:write": "Create and change clients",
};

/** Writing a resource implies reading it: a client that creates a vendor may read it back. */
export function grants(scopes: readonly string[], needed: ApiScope): boolean {
  if (scopes.includes(needed)) return true;
  const [resource, verb] = needed.split(":");
  return verb === "read" && scopes.includes(`${resource}:write`);
}

/** How many requests a token may make per window (fixed window, counted in PostgreSQL). */
export const API_RATE_LIMIT = { windowMs: 60_000, requests: 600 };

/** Token lifetimes an admin may choose, in days. */
export const API_TOKEN_MAX_DAYS = 365;
