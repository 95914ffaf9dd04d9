import { expect, test, type Page } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { E2E_BASE_URL, e2eState } from "./support/env";
import { startOidcProvider } from "./support/oidc-provider";

/** Through the provider's own login page, then its consent page (the first time only). */
async function loginAtProvider(page: Page, email: string) {
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  for (let i = 0; i < 20 && !page.url().startsWith(E2E_BASE_URL); i++) {
    const consent = page.locator('button[type="submit"]');
    if (!page.url().startsWith(E2E_BASE_URL) && (await consent.isVisible().catch(() => false))) await consent.click().catch(() => {});
    await page.waitForTimeout(500);
  }
}

test("single sign-on through a real OpenID Connect provider: set up by the admin, used by a newcomer and by an existing user", async ({ page, browser }) => {
  const other = e2eState().other;
  const redirectUri = `${E2E_BASE_URL}/api/auth/callback/sso-${other.organizationId}`;
  const idp = await startOidcProvider({ redirectUri, clientId: "vetta-e2e", clientSecret: "e2e-client-secret" });
  try {
    await signInAndWait(page, other.adminEmail, other.password, /\/dashboard$/);
    await page.goto("/settings/sso");
    await expect(page.getByTestId("sso-redirect-uri")).toHaveText(redirectUri);
    const form = page.getByRole("form", { name: "Single sign-on settings" });
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");
    await form.getByLabel("Single sign-on on").check();
    await form.getByLabel("Provider name").fill("Local IdP");
    await form.getByLabel("Issuer URL").fill(idp.issuer);
    await form.getByLabel("Client ID").fill("vetta-e2e");
    await form.getByLabel("Client secret").fill("e2e-client-secret");
    await form.getByLabel("E-mail domains").fill("rival.example");
    await form.getByLabel("People without an account").selectOption("ACCOUNT_MANAGER");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");

    // A newcomer: created as an account manager at the first sign-in.
    const newcomer = await browser.newContext();
    const p = await newcomer.newPage();
    await p.goto("/sign-in");
    await p.getByRole("button", { name: "Continue with single sign-on" }).click();
    const sso = p.getByRole("form", { name: "Single sign-on" });
    await sso.getByLabel("Work e-mail").fill("nobody@unknown-domain.example");
    await sso.getByRole("button", { name: "Continue" }).click();
    await expect(sso.getByText("Single sign-on is not set up for that address.")).toBeVisible();
    const email = `newcomer-${Date.now()}@rival.example`;
    await sso.getByLabel("Work e-mail").fill(email);
    await sso.getByRole("button", { name: "Continue" }).click();
    await p.waitForURL((url) => url.href.startsWith(idp.issuer));
    await loginAtProvider(p, email);
    await p.waitForURL(/\/dashboard$/, { timeout: 30_000 });
    await newcomer.close();

    // The admin sees the newcomer, added with the default role.
    await page.goto("/settings/users");
    await expect(page.getByText(email, { exact: true })).toBeVisible();
  } finally {
    await idp.stop();
  }
});
