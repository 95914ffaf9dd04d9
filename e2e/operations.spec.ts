import { expect, test } from "@playwright/test";
import { METRICS_TOKEN } from "./support/env";

test("health: live and ready answer on the real server (database, storage, the worker's heartbeat)", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  // The worker starts beside the server and beats at once; give it a moment on a slow machine.
  await expect.poll(async () => (await request.get("/api/health/ready")).status(), { timeout: 30_000 }).toBe(200);
  expect(await (await request.get("/api/health/ready")).json()).toMatchObject({ status: "ready", database: "up", storage: "up", worker: "up" });
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("metrics: refused without the token; with it, the server's own requests by route", async ({ request }) => {
  expect((await request.get("/metrics")).status()).toBe(401);
  await request.get("/api/health/live");
  await request.get("/vendors/does-not-exist-cm000000000000000000000");
  const response = await request.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/vetta_http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} [1-9]/);
  expect(text).toMatch(/vetta_http_request_duration_seconds_count\{method="GET",route="\/api\/health\/live"\} [1-9]/);
  expect(text).toMatch(/^vetta_db_pool_max 10$/m);
  expect(text).toMatch(/vetta_job_queue_depth|vetta_outbox_waiting/);
});
