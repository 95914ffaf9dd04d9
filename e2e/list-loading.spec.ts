import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { can, type Action } from "../lib/auth/permissions";
import type { Role } from "../lib/domain/vocabulary";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, E2E_BASE_URL, e2eState } from "./support/env";

/**
 * Every list shows a skeleton while its rows load (a <Suspense> inside the page), and that must
 * not cost a status code: the role check and any notFound() run before the boundary, so a role
 * that may not see a list, and another organisation's record under it, still get a real 404
 * (a loading.tsx above the page once turned them into 200s).
 */

/** Each list and the permission that opens it (lib/auth/permissions is the one table). */
const LISTS: Array<[path: string, action: Action]> = [
  ["/vendors", "vendor:read"],
  ["/products", "vendor:read"],
  ["/clients", "client:read"],
  ["/assessments", "assessment:read"],
  ["/reports", "report:create"],
  ["/reviews", "assessment:decide"],
  ["/approvals", "client:read"],
  ["/renewals", "renewal:read"],
  ["/settings/users", "user:manage"],
  ["/settings/questionnaires", "template:manage"],
  ["/settings/audit", "organization:manage"],
  ["/settings/outbox", "outbox:read"],
  ["/settings/api-tokens", "organization:manage"],
  ["/settings/webhooks", "organization:manage"],
];

const ACCOUNTS: Array<[Role, string, RegExp]> = [
  ["ADMIN", DEMO.ADMIN, /\/dashboard$/],
  ["ACCOUNT_MANAGER", DEMO.ACCOUNT_MANAGER, /\/dashboard$/],
  ["COMPLIANCE_OFFICER", DEMO.COMPLIANCE_OFFICER, /\/dashboard$/],
  ["CLIENT_VIEWER", DEMO.CLIENT_VIEWER, /\/portal$/],
];

/** The status the server sends first, without following redirects. */
async function statusOf(page: Page, path: string) {
  return (await page.request.get(path, { maxRedirects: 0 })).status();
}

for (const [role, email, home] of ACCOUNTS) {
  test(`every list answers a ${role.toLowerCase().replace("_", " ")} 200 if the role may see it, else 404`, async ({ page }) => {
    await signInAndWait(page, email, DEMO_PASSWORD, home);
    const expected = LISTS.map(([path, action]) => [path, role !== "CLIENT_VIEWER" && can(role, action) ? 200 : 404] as const);
    const got = [];
    for (const [path] of expected) got.push([path, await statusOf(page, path)] as const);
    expect(got).toEqual(expected);
    // The role check comes first, so sure of the answer, and the page is the real one.
    if (role === "ACCOUNT_MANAGER") {
      expect(expected.filter(([, s]) => s === 404).map(([p]) => p)).toEqual(expect.arrayContaining(["/reviews", "/settings/audit", "/settings/outbox"]));
    }
  });
}

test("another organisation's records under every list answer 404, for an admin and an account manager", async ({ page }) => {
  test.setTimeout(120_000);
  const { other } = e2eState();
  const unknown = "cm0000000000000000000000";
  const paths = [
    `/vendors/${other.vendorId}`,
    `/vendors/${other.vendorId}/edit`,
    `/products/${other.productId}`,
    `/products/${other.productId}/edit`,
    `/products/${other.productId}/sub-processors`,
    `/products/${other.productId}/ask-vendor`,
    `/products/${other.productId}/dpas/new`,
    `/products/${other.productId}/dpas/${unknown}`,
    `/products/${other.productId}/certifications/new`,
    `/clients/${other.clientId}`,
    `/clients/${other.clientId}/edit`,
    `/assessments/${other.assessmentId}`,
    `/use-cases/${other.useCaseId}`,
    `/settings/users/${other.adminUserId}`,
    `/reports/${unknown}`,
    `/settings/questionnaires/${unknown}`,
    `/settings/webhooks/${unknown}`,
    `/vendor-requests/${unknown}`,
  ];
  for (const email of [DEMO.ADMIN, DEMO.ACCOUNT_MANAGER]) {
    await page.context().clearCookies();
    await signInAndWait(page, email, DEMO_PASSWORD, /\/dashboard$/);
    const got = [];
    for (const path of paths) got.push([path, await statusOf(page, path)] as const);
    expect(got).toEqual(paths.map((p) => [p, 404] as const));
  }
  // ... while the same kind of page for our own records answers 200 (the ids are real, the routes work).
  const ownVendor = page.getByRole("row").nth(1).getByRole("link").first();
  await page.goto("/vendors");
  const href = await ownVendor.getAttribute("href");
  expect(href).toMatch(/^\/vendors\/[^/]+$/);
  expect(await statusOf(page, href!)).toBe(200);
});

test("a slow list streams its heading and a busy skeleton at once, with status 200, and the rows replace it", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // A database administrator holds the vendor table, so the list's query waits: a real slow list,
  // not a mocked one. Session, role check and layout read other tables and go ahead.
  const dba = new pg.Client({ connectionString: e2eState().adminUrl });
  await dba.connect();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await dba.query("ROLLBACK");
  };
  try {
    await dba.query("BEGIN");
    await dba.query('LOCK TABLE "Vendor" IN ACCESS EXCLUSIVE MODE');
    const response = await fetch(`${E2E_BASE_URL}/vendors`, { headers: { cookie }, redirect: "manual" });
    // The status is sent while the list is still waiting for its rows.
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let html = "";
    const deadline = Date.now() + 15_000;
    while (!html.includes("Loading vendors…") && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      html += decoder.decode(value, { stream: true });
    }
    // Heading first, then the skeleton as a pending Suspense boundary, and no rows yet.
    expect(html).toContain("Loading vendors…");
    expect(html).toMatch(/<template id="B:/);
    expect(html).toContain('aria-busy="true"');
    expect(html.indexOf(">Vendors</h1>")).toBeGreaterThan(-1);
    expect(html.indexOf(">Vendors</h1>")).toBeLessThan(html.indexOf("Loading vendors…"));
    expect(html).not.toContain("Search vendors and products");
    await release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      html += decoder.decode(value, { stream: true });
    }
    // The table (with its search box) arrives in the same response and takes the skeleton's place.
    expect(html).toContain("Search vendors and products");
  } finally {
    await release().catch(() => undefined);
    await dba.end();
  }
});
