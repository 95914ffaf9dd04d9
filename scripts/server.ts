/**
 * Vetta's HTTP server: Next's request handler behind a plain node:http server, so the client IP
 * that sign-in throttling and the audit trail record comes from the socket and cannot be forged
 * with a header. With VETTA_TRUST_PROXY=1 (behind a reverse proxy you run), the right-most
 * X-Forwarded-For address is used instead: the one your proxy saw.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "../lib/auth/client-ip";
import { servedOverTls, TLS_HEADER } from "../lib/http/security-headers";

function clientIp(req: IncomingMessage): string {
  if (process.env.VETTA_TRUST_PROXY === "1") {
    const forwarded = req.headers["x-forwarded-for"];
    const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
    if (list.length > 0) return list[list.length - 1]!;
  }
  return (req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}

export async function startHttpServer(options: { dir: string; port: number; hostname: string }): Promise<Server> {
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    // Always overwritten, so a client cannot claim TLS; proxy.ts sends HSTS on "https".
    const tls = servedOverTls({ socketTls: "encrypted" in req.socket && req.socket.encrypted === true, forwardedProto: req.headers["x-forwarded-proto"]?.toString(), trustProxy: process.env.VETTA_TRUST_PROXY === "1" });
    req.headers[TLS_HEADER] = tls ? "https" : "http";
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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return server;
}
