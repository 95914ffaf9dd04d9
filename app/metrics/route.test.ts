import { describe, expect, it } from "vitest";
import pg from "pg";
import { sealOrganization } from "@/lib/db/audit";
import { observeHttpRequest, routeLabel } from "@/lib/observability/metrics";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { GET } from "./route";

const scrape = (token?: string) => GET(new Request("http://vetta.test/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }));

describe("GET /metrics", () => {
  it("does not exist without VETTA_METRICS_TOKEN, and refuses a missing or wrong token", async () => {
    delete process.env.VETTA_METRICS_TOKEN;
    expect((await scrape("anything")).status).toBe(404);
    process.env.VETTA_METRICS_TOKEN = "s3cret-metrics-token";
    expect((await scrape()).status).toBe(401);
    expect((await scrape("s3cret-metrics-tokeN")).status).toBe(401);
    expect((await scrape("s3cret")).status).toBe(401);
  });

  it("with the token: request counts and latency by route, pool, job queues and outbox lag", async () => {
    process.env.VETTA_METRICS_TOKEN = "s3cret-metrics-token";
    const org = await createTestOrganization("Metrics");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client
      .query(`INSERT INTO "OutboxEmail" ("id", "organizationId", "to", "subject", "body", "createdAt") VALUES (gen_random_uuid()::text, $1, 'a@metrics.example', 's', 'b', now() - interval '120 seconds')`, [org.organizationId])
      .finally(() => client.end());
    observeHttpRequest("GET", "/vendors/cmabc123def456ghi789jkl0", 200, 0.05);
    observeHttpRequest("GET", "/vendors/cmabc123def456ghi789jkl1", 500, 0.2);
    const response = await scrape("s3cret-metrics-token");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/vetta_http_requests_total\{method="GET",route="\/vendors\/:id",status="200"\} [1-9]/);
    expect(text).toMatch(/vetta_http_errors_total\{method="GET",route="\/vendors\/:id",status="500"\} [1-9]/);
    expect(text).toContain('vetta_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/vendors/:id"}');
    expect(text).toMatch(/^vetta_db_pool_max \d+$/m);
    expect(text).toMatch(/vetta_db_pool_in_use \d+/);
    expect(text).toMatch(/vetta_db_pool_waiting \d+/);
    const lag = Number(/^vetta_outbox_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(110);
    expect(text).toMatch(/^vetta_database_up 1$/m);
  });

  it("audit sealing lag: events the sealer has not chained, and the oldest one's age", async () => {
    process.env.VETTA_METRICS_TOKEN = "s3cret-metrics-token";
    const org = await createTestOrganization("Metrics sealing");
    await sealOrganization(org.organizationId);
    // An event committed a day ago that no sealer has reached (as when the worker has been down).
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client
      .query(
        `INSERT INTO "AuditEvent" ("id", "organizationId", "actorLabel", "action", "entityType", "summary", "createdAt")
         VALUES (gen_random_uuid()::text, $1, 'metrics test', 'metrics.lag', 'Test', '{}', now() - interval '1 day')`,
        [org.organizationId],
      )
      .finally(() => client.end());
    const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
    const before = await (await scrape("s3cret-metrics-token")).text();
    expect(gauge(before, "vetta_audit_pending_events")).toBeGreaterThanOrEqual(1);
    expect(gauge(before, "vetta_audit_sealing_lag_seconds")).toBeGreaterThanOrEqual(86_390);

    // Sealed, the day-old event no longer counts. (Other test files' events, written minutes ago
    // at most, may still be pending, so the lag need not be 0.)
    await sealOrganization(org.organizationId);
    const after = await (await scrape("s3cret-metrics-token")).text();
    expect(gauge(after, "vetta_audit_sealing_lag_seconds")).toBeLessThan(86_000);
    expect(gauge(after, "vetta_audit_pending_events")).toBeGreaterThanOrEqual(0);
  });

  it("labels routes without ids or tokens", () => {
    expect(routeLabel("/vendors/cmabc123def456ghi789jkl0/edit")).toBe("/vendors/:id/edit");
    expect(routeLabel("/share/3q2-_aZ9bC8dE7fG6hI5jK4lM3nO2pQ1rS0tU")).toBe("/share/:id");
    expect(routeLabel("/api/files/123")).toBe("/api/files/:id");
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeLabel("/")).toBe("/");
  });
});
