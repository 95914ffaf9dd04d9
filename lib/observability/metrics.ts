/**
 * Prometheus metrics (prom-client). One registry per process, kept on globalThis: the HTTP server
 * (scripts/server.ts) records requests, the /metrics route in the Next bundle reads them, and the
 * two load separate copies of this module.
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

interface VettaMetrics {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route">;
  errors: Counter<"method" | "route" | "status">;
  gauges: Map<string, Gauge<string>>;
}

const holder = globalThis as unknown as { vettaMetrics?: VettaMetrics };

export function metrics(): VettaMetrics {
  if (holder.vettaMetrics) return holder.vettaMetrics;
  const registry = new Registry();
  const created: VettaMetrics = {
    registry,
    requests: new Counter({ name: "vetta_http_requests_total", help: "HTTP requests answered, by route pattern and status", labelNames: ["method", "route", "status"], registers: [registry] }),
    duration: new Histogram({
      name: "vetta_http_request_duration_seconds",
      help: "HTTP request latency by route pattern",
      labelNames: ["method", "route"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    errors: new Counter({ name: "vetta_http_errors_total", help: "HTTP requests answered 5xx, by route pattern and status", labelNames: ["method", "route", "status"], registers: [registry] }),
    gauges: new Map(),
  };
  holder.vettaMetrics = created;
  return created;
}

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f-]{27}|c[a-z0-9]{20,32}|[0-9]+|[A-Za-z0-9_-]{32,})$/;

/**
 * A path as a low-cardinality label: ids and tokens become ":id", static assets one label, so a
 * scraper never sees one series per record.
 */
export function routeLabel(pathname: string): string {
  const path = pathname.split("?")[0] ?? "/";
  if (path.startsWith("/_next/")) return "/_next/*";
  const parts = path.split("/").filter(Boolean).slice(0, 6);
  return "/" + parts.map((p) => (ID_SEGMENT.test(p) ? ":id" : p.length > 40 ? ":id" : p)).join("/");
}

export function observeHttpRequest(method: string, pathname: string, status: number, seconds: number) {
  const m = metrics();
  const route = routeLabel(pathname);
  const verb = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method) ? method : "OTHER";
  m.requests.inc({ method: verb, route, status: String(status) });
  m.duration.observe({ method: verb, route }, seconds);
  if (status >= 500) m.errors.inc({ method: verb, route, status: String(status) });
}

/** Sets a gauge that is read at scrape time (pool, queues, outbox). */
export function setGauge(name: string, help: string, value: number, labels: Record<string, string> = {}) {
  const m = metrics();
  let gauge = m.gauges.get(name);
  if (!gauge) {
    gauge = new Gauge({ name, help, labelNames: Object.keys(labels), registers: [m.registry] });
    m.gauges.set(name, gauge);
  }
  gauge.set(labels, value);
}
