import { expect, test } from "@playwright/test";
import { signIn, signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

const HOMES = [
  { role: "ADMIN", email: DEMO.ADMIN, home: /\/dashboard$/, label: "Admin", work: "Organisation health", tile: "tile-users-without-mfa" },
  { role: "ACCOUNT_MANAGER", email: DEMO.ACCOUNT_MANAGER, home: /\/dashboard$/, label: "Account manager", work: "My work", tile: "tile-drafts" },
  { role: "COMPLIANCE_OFFICER", email: DEMO.COMPLIANCE_OFFICER, home: /\/dashboard$/, label: "Compliance officer", work: "Reviews and approvals", tile: "tile-review-queue" },
] as const;

for (const { role, email, home, label, work, tile } of HOMES) {
  test(`${role} signs in and lands on the dashboard`, async ({ page }) => {
    await signInAndWait(page, email, DEMO_PASSWORD, home);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("user-role")).toHaveText(label);
    await expect(page.getByTestId("organization-name")).toHaveText("Northbridge IT (demo)");
    // Each role's home lists its own work (the account manager no longer sees the review queue).
    await expect(page.getByRole("heading", { name: work })).toBeVisible();
    await expect(page.getByTestId(`${tile}-value`)).toHaveText(/^\d+$/);
    // Navigation follows the role: only admins manage users.
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(role === "ADMIN" ? 1 : 0);
  });
}

test("CLIENT_VIEWER signs in and lands on the portal", async ({ page }) => {
  await signInAndWait(page, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  await expect(page.getByRole("heading", { name: "Shared reports" })).toBeVisible();
  await expect(page.getByText("AI vendor risk reports shared with Harbor Health Clinics.")).toBeVisible();
  // The demo organisation shares Harbor Health's portfolio report with it.
  await expect(page.getByRole("link", { name: "Harbor Health Clinics: AI portfolio" })).toBeVisible();
});

test("a wrong password fails with a clear message and no session", async ({ page }) => {
  await signIn(page, DEMO.ACCOUNT_MANAGER, "not the password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("form errors name the field before anything is sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("repeated failures lock the account with HTTP 429 and a clear message", async ({ page }) => {
  const { throttledEmail, password } = e2eState().other;
  for (let i = 0; i < 5; i++) {
    await signIn(page, throttledEmail, `wrong ${i}`);
    await expect(page.locator("form").getByRole("alert")).toBeVisible();
  }
  const locked = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await signIn(page, throttledEmail, password);
  expect((await locked).status()).toBe(429);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many failed sign-ins. Wait 15 minutes and try again.");
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/sign-in$/);
});
