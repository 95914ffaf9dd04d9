/**
 * Vetta's HTTP server: Next's request handler behind a plain node:http server, so the client IP
 * that sign-in throttling and the audit trail record comes from the socket and cannot be forged
 * with a header. With VETTA_TRUST_PROXY=1 (behind a reverse proxy you run), the right-most
 * X-Forwarded-For address is used instead: the one your proxy saw.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "../lib/auth/client-ip";
import { databaseRecentlyUnavailable, RETRY_AFTER_SECONDS } from "../lib/errors/database-unavailable";
import { findMalformedRequest } from "../lib/http/malformed-request";
import { servedOverTls, TLS_HEADER } from "../lib/http/security-headers";
import { observeHttpRequest } from "../lib/observability/metrics";
import { createDrainer, type Drainer } from "./lib/drain";

function clientIp(req: IncomingMessage): string {
  if (process.env.VETTA_TRUST_PROXY === "1") {
    const forwarded = req.headers["x-forwarded-for"];
    const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
    if (list.length > 0) return list[list.length - 1]!;
  }
  return (req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}

/**
 * A page that failed while the database was failing (down, frozen, pool full) answers 503 with
 * Retry-After instead of 500: the error page says the database is unavailable, and load
 * balancers and clients know to come back. Every answer is counted for /metrics.
 */
function instrument(req: IncomingMessage, res: ServerResponse) {
  const started = process.hrtime.bigint();
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as unknown as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (status: unknown, ...rest: unknown[]) => {
    if (status === 500 && databaseRecentlyUnavailable()) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return writeHead(503, ...rest);
    }
    // Every action Vetta declares catches what it throws (lib/http/guarded-action), so a 500 on a
    // server-action request is Next failing to decode a body no Vetta page sends (not JSON, not
    // UTF-8, not the form the action takes): the request was bad, not the server.
    if (status === 500 && req.headers["next-action"] !== undefined) return writeHead(400, ...rest);
    return writeHead(status, ...rest);
  };
  res.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    observeHttpRequest(req.method ?? "GET", new URL(req.url ?? "/", "http://x").pathname, res.statusCode, seconds);
  });
}

export async function startHttpServer(options: { dir: string; port: number; hostname: string }): Promise<Server & { drainer: Drainer }> {
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let drainer: Drainer | null = null;
  const server = createServer((req, res) => {
    if (drainer?.refuseIfDraining(req, res)) return;
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    // Always overwritten, so a client cannot claim TLS; proxy.ts sends HSTS on "https".
    const tls = servedOverTls({ socketTls: "encrypted" in req.socket && req.socket.encrypted === true, forwardedProto: req.headers["x-forwarded-proto"]?.toString(), trustProxy: process.env.VETTA_TRUST_PROXY === "1" });
    req.headers[TLS_HEADER] = tls ? "https" : "http";
    instrument(req, res);
    // Bad bytes in the address, or an action posted from another site: Next would answer 500.
    const malformed = findMalformedRequest(req);
    if (malformed) {
      res.writeHead(malformed.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: malformed.error, fieldErrors: malformed.fieldErrors }));
      return;
    }
    handle(req, res).catch((error: unknown) => {
      console.error("[vetta] unhandled request error", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  });
  // A closing tab sends its last edits (fetch keepalive) and the browser may hang up right after:
  // by default Node aborts a request whose client half-closed before its body was read, losing
  // those edits. Let such a request finish; its response goes nowhere, and the socket then closes.
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  drainer = createDrainer(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${options.port} on ${options.hostname} is already in use (another Vetta, or another program). Stop it, or set PORT to a free port.`)
          : error.code === "EACCES"
            ? new Error(`not allowed to listen on port ${options.port}: ports below 1024 need privileges. Set PORT to 1024 or above (and put a reverse proxy in front).`)
            : error,
      ),
    );
    server.listen(options.port, options.hostname, () => resolve());
  });
  return Object.assign(server, { drainer });
}
