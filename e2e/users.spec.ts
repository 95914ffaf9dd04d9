import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

test("an admin adds a user; role changes and deactivation bite on that user's next request", async ({ browser }) => {
  const email = `pat-${Date.now()}@northbridge.example`;
  const password = "a long initial password";

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await admin.getByRole("link", { name: "Users" }).click();
  await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible();

  // Bad input is refused on the field, nothing is created.
  const form = admin.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Pat Newcomer");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(admin.getByTestId(`user-row-${email}`)).toHaveCount(0);

  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("status")).toHaveText(`${email} can now sign in.`);
  const row = admin.getByTestId(`user-row-${email}`);
  await expect(row).toBeVisible();

  // A duplicate email is refused with the field named.
  await form.getByLabel("Name").fill("Pat Again");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("This email is already in use.")).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signInAndWait(user, email, password, /\/dashboard$/);
  await expect(user.getByRole("link", { name: "Users" })).toHaveCount(0);

  // Promote to admin: the user's very next request shows the admin navigation.
  await row.getByLabel(`Role of ${email}`).selectOption("ADMIN");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await user.reload();
  await expect(user.getByRole("link", { name: "Users" })).toHaveCount(1);
  await expect(user.getByTestId("user-role")).toHaveText("Admin");

  // Deactivate (after confirming): the user is thrown out on their next request.
  admin.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();
  await user.reload();
  await expect(user).toHaveURL(/\/sign-in$/);
  expect((await user.request.get("/api/me")).status()).toBe(401);

  // And cannot sign in again.
  await user.getByLabel("Email").fill(email);
  await user.getByLabel("Password").fill(password);
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.locator("form").getByRole("alert")).toHaveText("That email and password do not match an active account.");

  await adminContext.close();
  await userContext.close();
});

test("sign out everywhere ends other sessions", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signInAndWait(a, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  await signInAndWait(b, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  a.once("dialog", (dialog) => void dialog.accept());
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/\/sign-in$/);
  await b.reload();
  await expect(b).toHaveURL(/\/sign-in$/);
  await first.close();
  await second.close();
});

test("an admin downloads the access review: who can sign in, with which role, two-step status and what they can see", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/settings/users");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export access review (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^vetta-access-review-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe("Name,Email,Role,Client,Status,Two-step verification,Last sign-in (UTC),Member since (UTC),Can see and do");
  expect(lines.find((l) => l.includes("viewer@harborhealth.example"))).toContain("reports shared with Harbor Health Clinics");
  expect(lines.find((l) => l.includes(DEMO.COMPLIANCE_OFFICER))).toContain("assessment:decide");
  // Not for other roles.
  const am = await (await page.context().browser()!.newContext()).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  expect((await am.request.get("/api/users?format=csv")).status()).toBe(404);
});
