/**
 * SECURITY-CRITICAL. Requests Next would answer with a 500 before any of Vetta's code runs, refused
 * here with a 4xx that names the part at fault. Called by Vetta's own HTTP server
 * (scripts/server.ts) on the raw request, before Next decodes anything; kept apart from proxy.ts,
 * which sets headers on requests that get that far.
 *
 *  - a path that is not valid percent-encoded UTF-8 (`/share/%ff`): 400 "path"
 *  - a NUL anywhere in the path or the query (`/vendors?q=a%00`): 400 naming the parameter
 *    (PostgreSQL cannot store NUL, so no page or route could use it)
 *  - a server action posted from another site (its Origin is not this host): 403 "origin"
 */
export interface MalformedRequest {
  status: 400 | 403;
  error: string;
  fieldErrors: Record<string, string>;
}

export interface RawRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();

function refuse(status: 400 | 403, field: string, message: string): MalformedRequest {
  return { status, error: `${field}: ${message}`, fieldErrors: { [field]: message } };
}

function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function findMalformedRequest(req: RawRequest): MalformedRequest | null {
  const raw = req.url ?? "/";
  const queryAt = raw.indexOf("?");
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? "" : raw.slice(queryAt + 1);

  for (const segment of path.split("/")) {
    const decoded = decodedOrNull(segment);
    if (decoded === null) return refuse(400, "path", "The address is not valid (bad percent-encoding or invalid UTF-8).");
    if (decoded.includes("\u0000")) return refuse(400, "path", "The address contains a NUL character.");
  }
  for (const pair of query.split("&")) {
    if (!pair) continue;
    const [rawName = "", ...rest] = pair.split("=");
    // Query values are decoded leniently by Next (an invalid sequence becomes U+FFFD), so only NUL matters.
    const name = (decodedOrNull(rawName.replace(/\+/g, " ")) ?? rawName).replace(/\u0000/g, "") || "query";
    const value = decodedOrNull(rest.join("=").replace(/\+/g, " ")) ?? "";
    if (value.includes("\u0000") || (decodedOrNull(rawName) ?? "").includes("\u0000")) return refuse(400, name.slice(0, 64), "Contains a character that is not allowed (NUL).");
  }

  // Next refuses a server action whose Origin is not the host it was sent to, but as a 500.
  if ((req.method ?? "GET").toUpperCase() === "POST" && req.headers["next-action"] !== undefined) {
    const origin = first(req.headers.origin);
    if (origin !== undefined) {
      const host = first(req.headers["x-forwarded-host"]) ?? first(req.headers.host);
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (!originHost || !host || originHost.toLowerCase() !== host.toLowerCase()) return refuse(403, "origin", "This action can only be used from Vetta's own pages.");
    }
  }
  return null;
}
