import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

test.describe("a client viewer", () => {
  test.beforeEach(async ({ page }) => {
    await signInAndWait(page, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  });

  for (const path of ["/dashboard", "/settings/users", "/clients", "/approvals", "/reviews"]) {
    test(`gets 404 on the MSP page ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    });
  }

  for (const path of ["/api/users", "/api/me"]) {
    test(`gets 404 on the MSP API route ${path}`, async ({ page }) => {
      const response = await page.request.get(path);
      expect(response.status()).toBe(404);
    });
  }
});

test("an MSP page answers the portal with 404 for staff", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  expect((await page.goto("/portal"))?.status()).toBe(404);
});

test("an API route answers 401 without a session", async ({ request }) => {
  expect((await request.get("/api/users")).status()).toBe(401);
});

test("a user of one organisation gets 404 for another organisation's records by id", async ({ page }) => {
  const { other } = e2eState();
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  // The same kind of record in our own organisation answers 200 ...
  const own = await page.request.get("/api/me");
  const me = (await own.json()) as { userId: string };
  expect((await page.request.get(`/api/users/${me.userId}`)).status()).toBe(200);
  expect((await page.goto(`/settings/users/${me.userId}`))?.status()).toBe(200);
  // ... and the other organisation's answers 404, on the page and the API.
  expect((await page.goto(`/settings/users/${other.adminUserId}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/users/${other.adminUserId}`)).status()).toBe(404);
  const body = await (await page.request.get(`/api/users/${other.adminUserId}`)).text();
  expect(body).not.toContain(other.adminEmail);
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
});
