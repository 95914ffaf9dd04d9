/**
 * Graceful stop for the HTTP server (SIGTERM): stop accepting connections, answer 503 with
 * Retry-After and Connection: close to requests that still arrive on open keep-alive connections,
 * let the requests in flight finish for up to the grace period, then close what is left.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export interface Drainer {
  /** Call first in the request handler; true when the request was answered 503 (draining). */
  refuseIfDraining(req: IncomingMessage, res: ServerResponse): boolean;
  drain(graceMs: number): Promise<{ unfinished: number }>;
}

export function createDrainer(server: Server): Drainer {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
  });
  return {
    refuseIfDraining(_req, res) {
      if (!draining) return false;
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", Connection: "close", "Cache-Control": "no-store" });
      res.end("Vetta is restarting; try again in a few seconds.\n");
      return true;
    },
    async drain(graceMs) {
      draining = true;
      server.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => (idle = resolve)), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      }
      const unfinished = inFlight;
      server.closeAllConnections();
      return { unfinished };
    },
  };
}
