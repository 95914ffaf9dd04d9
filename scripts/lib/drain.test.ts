import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createDrainer } from "./drain";

function get(port: number, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function serverWithSlowRoute(delayMs: number) {
  const server: Server = createServer((req, res) => {
    if (drainer.refuseIfDraining(req, res)) return;
    const wait = req.url === "/slow" ? delayMs : 0;
    setTimeout(() => res.end(`done ${req.url}`), wait);
  });
  // Requests only arrive after listen(), by when drainer is set.
  const drainer = createDrainer(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, drainer, port: (server.address() as AddressInfo).port };
}

describe("draining the HTTP server on SIGTERM", () => {
  it("40 requests in flight all finish; new connections are refused once draining starts", async () => {
    const { drainer, port } = await serverWithSlowRoute(500);
    const inFlight = Array.from({ length: 40 }, () => get(port, "/slow"));
    await new Promise((r) => setTimeout(r, 100));
    const drained = drainer.drain(5_000);
    const late = await get(port, "/fast").catch((error: NodeJS.ErrnoException) => error.code);
    expect(late).toBe("ECONNREFUSED");
    const answers = await Promise.all(inFlight);
    expect(answers.every((a) => a.status === 200 && a.body === "done /slow")).toBe(true);
    expect(await drained).toEqual({ unfinished: 0 });
  });

  it("a request still running after the grace period is cut off, and the drain does not wait for it", async () => {
    const { drainer, port } = await serverWithSlowRoute(10_000);
    const stuck = get(port, "/slow").catch(() => "cut off");
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    expect(await drainer.drain(300)).toEqual({ unfinished: 1 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await stuck).toBe("cut off");
  });

  it("a request arriving on an open connection while draining gets 503 with Retry-After", async () => {
    const { server, drainer } = await serverWithSlowRoute(0);
    const res = { writeHead: (status: number, headers: Record<string, string>) => Object.assign(res, { status, headers }), end: () => undefined } as unknown as Parameters<typeof drainer.refuseIfDraining>[1] & { status?: number; headers?: Record<string, string> };
    void drainer.drain(100);
    expect(drainer.refuseIfDraining({} as never, res)).toBe(true);
    expect(res.status).toBe(503);
    expect(res.headers?.["Retry-After"]).toBe("5");
    server.closeAllConnections();
  });
});
