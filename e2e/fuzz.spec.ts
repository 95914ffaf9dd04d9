import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { signInAndWait } from "./support/auth";
import { E2E_BASE_URL, e2eState } from "./support/env";

/**
 * Issue 13 item 6: malformed input never gets a 500. Over HTTP against the built app, signed in
 * as an admin of the second organisation: every server action (by its action id, from Next's
 * server-reference manifest) and every API route gets malformed bodies (NUL bytes, invalid UTF-8,
 * wrong types, huge strings, missing fields). No answer may be ≥ 500, and no row may appear in
 * that organisation (every body is invalid, so nothing may be half-saved).
 */
test.describe.configure({ mode: "serial", timeout: 600_000 });

const TABLES = ["Vendor", "Product", "Client", "Dpa", "Certification", "SubProcessor", "UseCase", "Decision", "Report", "ShareLink", "ScoringModel", "TemplateVersion", "Assessment", "Answer", "EvidenceFile", "Membership"];

async function rowCounts(url: string, organizationId: string): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = Number((await db.query(`SELECT count(*) AS n FROM "${table}" WHERE "organizationId" = $1`, [organizationId])).rows[0].n);
    return out;
  } finally {
    await db.end();
  }
}

async function freshAdmin(password: string) {
  const { databaseUrl, other } = e2eState();
  const email = `fuzz-${randomBytes(4).toString("hex")}@rival.example`;
  const userId = `fuzz${randomBytes(8).toString("hex")}`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "homeOrganizationId", "updatedAt") VALUES ($1, $2, 'Fuzz Admin', $3, $4, now())`, [userId, email, await hash(password, { algorithm: 2 }), other.organizationId]);
    await db.query(`INSERT INTO "Membership" (id, "organizationId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'ADMIN', now())`, [`m${userId}`, other.organizationId, userId]);
  } finally {
    await db.end();
  }
  return email;
}

const HUGE = "x".repeat(200_000);
const BAD_STRINGS = ["", "\u0000", "a\u0000b", "\ud800", "\udfff\ud800", "%ff%00", "\u202e\u0007\u001b[31m", HUGE, "../../etc/passwd", "<script>alert(1)</script>", "1e309", "-1"];

/** Bodies a client could send an action: the argument as JSON, then raw bytes that are not JSON or not UTF-8. */
function actionBodies(): Array<{ label: string; body: Buffer | string; type: string }> {
  const args: unknown[] = [null, 0, -1, 1.5, true, "str", [], [null], {}, { id: 1 }, { id: null }, { id: ["a"] }, { id: { $ne: null } }];
  for (const s of BAD_STRINGS) args.push(s);
  // As every field at once, only strings no schema accepts (empty, NUL, control characters, 200 kB):
  // "<script>" or "-1" is a valid vendor name, and a body that is valid may rightly save a row.
  for (const s of ["", "\u0000", "a\u0000b", "\u202e\u0007\u001b[31m", HUGE]) {
    args.push({ id: s, name: s, code: s, csv: s, json: s, productId: s, clientId: s, assessmentId: s, versionId: s, userId: s, reportId: s, useCaseId: s, questionKey: s, value: s, comment: s });
  }
  args.push({ name: "Fuzz\u0000Vendor", website: "https://x.example" }, { vendorId: "x", name: "P\u0000" }, { definition: { title: "\u0000", sections: [] }, versionId: "x" });
  const out: Array<{ label: string; body: Buffer | string; type: string }> = args.map((arg, i) => ({ label: `json#${i}`, body: JSON.stringify([arg]), type: "text/plain;charset=UTF-8" }));
  out.push(
    { label: "not JSON", body: "{{{", type: "text/plain;charset=UTF-8" },
    { label: "invalid UTF-8", body: Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x5d]), type: "text/plain;charset=UTF-8" },
    { label: "NUL bytes", body: Buffer.from([0x5b, 0x22, 0x00, 0x00, 0x22, 0x5d]), type: "text/plain;charset=UTF-8" },
    { label: "empty", body: "", type: "text/plain;charset=UTF-8" },
    { label: "garbage multipart", body: "--x\r\nContent-Disposition: form-data; name=\"1_\u0000\"\r\n\r\n\u0000\r\n--x--\r\n", type: "multipart/form-data; boundary=x" },
  );
  return out;
}

/** "app/(app)/vendors/[vendorId]/page" → "/vendors/fuzz". */
function urlOfWorker(worker: string): string {
  const parts = worker.replace(/^app\//, "").replace(/\/page$/, "").split("/").filter((p) => !/^\(.*\)$/.test(p));
  return "/" + parts.map((p) => (p.startsWith("[") ? "fuzz" : p)).join("/");
}

function apiRoutes(): Array<{ path: string; methods: string[] }> {
  const out: Array<{ path: string; methods: string[] }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(source));
        out.push({ path: "/" + path.relative("app", path.dirname(full)).split(path.sep).filter((p) => !/^\(.*\)$/.test(p)).join("/"), methods });
      }
    }
  };
  walk("app");
  return out.filter((r) => !r.path.includes("[...nextauth]"));
}

async function send(request: APIRequestContext, method: string, url: string, options: { headers?: Record<string, string>; data?: Buffer | string }) {
  const response = await request.fetch(url, { method, headers: options.headers, data: options.data, maxRedirects: 0, failOnStatusCode: false, timeout: 60_000 });
  return response.status();
}

test("≥ 1,000 malformed bodies across every server action and API route: no answer ≥ 500, no row written", async ({ page }) => {
  const password = "fuzz password 2026 long enough";
  const email = await freshAdmin(password);
  await signInAndWait(page, email, password, /\/(dashboard|account\/security)/);
  const request = page.context().request;
  const { databaseUrl, other } = e2eState();
  const before = await rowCounts(databaseUrl, other.organizationId);

  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> };
  const actions = Object.entries(manifest.node).map(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    const worker = workers.find((w) => !w.includes("[")) ?? workers[0]!;
    return { id, name: `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}`, url: urlOfWorker(worker) };
  });
  expect(actions.length).toBeGreaterThan(40);

  const failures: string[] = [];
  let sent = 0;
  const bodies = actionBodies();
  for (const action of actions) {
    // signOutEverywhere with a valid (empty) body would end this session; every body here is invalid for it anyway.
    const jobs = bodies.map((b) => async () => {
      const status = await send(request, "POST", action.url, { headers: { "Next-Action": action.id, "Content-Type": b.type, Origin: E2E_BASE_URL, Accept: "text/x-component" }, data: b.body });
      sent++;
      if (status >= 500) failures.push(`${status} ${action.name} ${b.label}`);
    });
    for (let i = 0; i < jobs.length; i += 8) await Promise.all(jobs.slice(i, i + 8).map((job) => job()));
  }

  // A foreign Origin on an action, and bad bytes in addresses: refused before Next, never 500.
  const extra: Array<[string, string, Record<string, string>]> = [
    ["POST", "/vendors/new", { "Next-Action": actions[0]!.id, Origin: "https://evil.example", "Content-Type": "text/plain;charset=UTF-8" }],
    ["GET", "/vendors?q=a%00", {}],
    ["GET", "/share/%ff", {}],
    ["GET", "/api/files/x%00", {}],
    ["GET", "/vendors/%E0%A4%A", {}],
  ];
  for (const [method, url, headers] of extra) {
    const status = await send(request, method, url, { headers, data: method === "POST" ? "[]" : undefined });
    sent++;
    if (status >= 500 || status < 400) failures.push(`${status} ${method} ${url}`);
  }

  for (const route of apiRoutes()) {
    const params = ["x", "x%00", "%ff", "a".repeat(300), "..%2F..%2Fetc"];
    for (const param of params) {
      const url = route.path.replace(/\[[^\]]+\]/g, param);
      for (const method of route.methods) {
        const bodies: Array<Buffer | string | undefined> = method === "GET" ? [undefined] : [undefined, "{{{", Buffer.from([0xff, 0x00, 0xfe]), JSON.stringify({ name: "\u0000", email: HUGE }), "[1,2"];
        for (const data of bodies) {
          for (const query of ["", "?q=a%00", "?page=-1&sort=%ff&format=csv"]) {
            const status = await send(request, method, url + query, { headers: { "Content-Type": "application/json", Origin: E2E_BASE_URL }, data });
            sent++;
            if (status >= 500) failures.push(`${status} ${method} ${url}${query}`);
          }
        }
      }
    }
  }

  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(failures).toEqual([]);
  expect(await rowCounts(databaseUrl, other.organizationId)).toEqual(before);
});
