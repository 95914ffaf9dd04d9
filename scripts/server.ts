/**
 * Vetta's HTTP server: Next's request handler behind a plain node:http server, so the client IP
 * that sign-in throttling and the audit trail record comes from the socket and cannot be forged
 * with a header. With VETTA_TRUST_PROXY=1 (behind a reverse proxy you run), the right-most
 * X-Forwarded-For address is used instead: the one your proxy saw.
 *
 * Every request gets an id (your proxy's X-Request-Id when VETTA_TRUST_PROXY=1 and it is sane, else
 * a fresh one): Next sees it as the `x-request-id` request header (lib/http/failure.ts shows it to
 * the user on an unexpected error), the response carries it, and one JSON log line per request
 * records method, path (no query string: it may hold tokens), status, duration and id.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER } from "../lib/auth/client-ip";
import { databaseRecentlyUnavailable, RETRY_AFTER_SECONDS } from "../lib/errors/database-unavailable";
import { findMalformedRequest } from "../lib/http/malformed-request";
import { servedOverTls, TLS_HEADER } from "../lib/http/security-headers";
import { createLogger, logLevelFrom, type Logger } from "../lib/log/create-logger";
import { assignRequestId, REQUEST_ID_HEADER } from "../lib/http/request-id";
import { observeHttpRequest } from "../lib/observability/metrics";
import { createDrainer, type Drainer } from "./lib/drain";
import { markPhase } from "./lib/startup-timing";

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
function instrument(req: IncomingMessage, res: ServerResponse, log: Logger) {
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
    const path = pathOf(req.url);
    observeHttpRequest(req.method ?? "GET", path, res.statusCode, seconds);
    log.info({ method: req.method, path, status: res.statusCode, durationMs: Math.round(seconds * 1000) }, "request");
  });
}

/** The path without its query string; a request line too broken for URL still gets a line. */
function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://x").pathname;
  } catch {
    return (url ?? "/").split("?")[0]!.slice(0, 200);
  }
}

/**
 * Gives the request its id (see the top of this file): overwritten on the request, so Next and
 * the app only ever see the id the server chose; returns a logger that carries it.
 */
export function tagRequest(req: IncomingMessage, res: ServerResponse, log: Logger, trustProxy: boolean): Logger {
  const id = assignRequestId(req.headers[REQUEST_ID_HEADER], trustProxy);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  return log.child({ requestId: id });
}

/**
 * `beforeListen`: work the server must not answer before (npm start: the database preparation),
 * awaited after Next has loaded the build, so the two overlap instead of adding up.
 */
export async function startHttpServer(options: { dir: string; port: number; hostname: string; beforeListen?: Promise<unknown> }): Promise<Server & { drainer: Drainer }> {
  takeConfigFromBuild(options.dir);
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  markPhase("launcher", "next prepared");
  await options.beforeListen;
  markPhase("launcher", "database prepared (awaited)");
  const handle = app.getRequestHandler();
  const preload = preloadPagesInBackground(options.dir);
  let drainer: Drainer | null = null;
  const log = createLogger(logLevelFrom(process.env.VETTA_LOG_LEVEL));
  const server = createServer((req, res) => {
    const requestLog = tagRequest(req, res, log, process.env.VETTA_TRUST_PROXY === "1");
    if (drainer?.refuseIfDraining(req, res)) return;
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    // Always overwritten, so a client cannot claim TLS; proxy.ts sends HSTS on "https".
    const tls = servedOverTls({ socketTls: "encrypted" in req.socket && req.socket.encrypted === true, forwardedProto: req.headers["x-forwarded-proto"]?.toString(), trustProxy: process.env.VETTA_TRUST_PROXY === "1" });
    req.headers[TLS_HEADER] = tls ? "https" : "http";
    instrument(req, res, requestLog);
    if (!preload.started) res.once("finish", () => res.statusCode === 200 && preload.afterFirstAnswer());
    // Bad bytes in the address, or an action posted from another site: Next would answer 500.
    const malformed = findMalformedRequest(req);
    if (malformed) {
      res.writeHead(malformed.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: malformed.error, fieldErrors: malformed.fieldErrors }));
      return;
    }
    handle(req, res).catch((error: unknown) => {
      requestLog.error({ err: error }, "unhandled request error");
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
  preload.afterListening();
  return Object.assign(server, { drainer });
}

/**
 * Start-up (issue 17): the build already holds the resolved configuration
 * (.next/required-server-files.json, what Next's own standalone server starts from), so Next is
 * handed that instead of compiling next.config.ts with SWC on every start. ensureBuild rebuilt
 * whenever next.config.ts changed, so it is the current one. Next's own preloading of every
 * page (100+ route modules, about a CPU-second) is switched off here and done after the server
 * listens instead (below): before, it ran while the server was not yet listening.
 */
function takeConfigFromBuild(dir: string) {
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) return;
  const file = path.join(dir, ".next", "required-server-files.json");
  if (!existsSync(file)) return;
  try {
    const { config } = JSON.parse(readFileSync(file, "utf8")) as { config?: { experimental?: Record<string, unknown> } };
    if (!config) return;
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify({ ...config, experimental: { ...config.experimental, preloadEntriesOnStart: false } });
  } catch {
    // An unreadable file: Next loads next.config.ts itself, as before.
  }
}

/**
 * The first visit to each page should not pay for loading its code, but loading all 100+ pages
 * costs a CPU-second, and on two cores it delayed the first readiness answers (whose database
 * and storage probes have 2 s deadlines) when it ran beside the job worker's start. So every page
 * is loaded once the server has answered a request with 200 (a load balancer's readiness probe,
 * or a user), or 20 s after it listens, whichever comes first.
 */
function preloadPagesInBackground(dir: string) {
  let timer: NodeJS.Timeout | undefined;
  const state = {
    started: false,
    afterListening: () => {
      timer = setTimeout(() => state.afterFirstAnswer(), 20_000).unref();
    },
    afterFirstAnswer: () => {
      if (state.started) return;
      state.started = true;
      clearTimeout(timer);
      // Next's custom-server wrapper exposes no preload; its render server (one per directory,
      // the one this process's requests go to) reaches NextNodeServer.unstable_preloadEntries, as
      // Next's own start does when preloadEntriesOnStart is on.
      import("next/dist/server/lib/render-server.js")
        .then((renderServer) => renderServer.propagateServerField(path.resolve(dir), "unstable_preloadEntries" as Parameters<typeof renderServer.propagateServerField>[1], []))
        .then(() => markPhase("launcher", "pages preloaded"))
        .catch(() => undefined); // a page that fails to load fails again, visibly, when it is visited
    },
  };
  return state;
}
