import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

test("an admin makes an API token, automation uses it, and revoking it stops it at once", async ({ page, request }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  const name = `PSA sync ${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-api-token").textContent())!.trim();
  expect(token).toMatch(/^vetta_/);
  const row = page.getByTestId("api-token-row").filter({ hasText: name });
  await expect(row).toContainText("active");

  const auth = { Authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/vendors?limit=5", { headers: auth });
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { data: Array<{ id: string; name: string }>; nextCursor: string | null };
  expect(body.data.length).toBeGreaterThan(0);
  expect(list.headers()["etag"]).toMatch(/^W\//);
  // The rival organisation's records do not exist for this token.
  const other = e2eState().other;
  for (const path of [`/api/v1/vendors/${other.vendorId}`, `/api/v1/products/${other.productId}`, `/api/v1/clients/${other.clientId}`, `/api/v1/use-cases/${other.useCaseId}`]) {
    const res = await request.get(path, { headers: auth });
    expect(res.status(), path).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  }
  // Read scopes only by default: a write is refused and names the scope.
  const write = await request.post("/api/v1/vendors", { headers: auth, data: { name: "From automation" } });
  expect(write.status()).toBe(403);
  // A browser session is not an API credential.
  expect((await page.request.get("/api/v1/vendors")).status()).toBe(401);

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await request.get("/api/v1/vendors", { headers: auth })).status()).toBe(401);
});

test("staff read the API reference; the OpenAPI document is public; others are turned away", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.locator("#listVendors")).toContainText("GET /api/v1/vendors");
  expect((await page.goto("/settings/api-tokens"))?.status()).toBe(404);
});
