import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { signIn, signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** Plays the authenticator app: sets up two-step verification on the security page, returns the key and recovery codes. */
async function setUpMfa(page: Page) {
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s+/g, "");
  const form = page.getByRole("form", { name: "Turn on two-step verification" });
  await form.getByLabel("Code").fill("000000");
  await form.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(form.getByText("That code is not right.").first()).toBeVisible();
  await form.getByLabel("Code").fill(totpCode(secret, new Date()));
  await form.getByRole("button", { name: "Turn on two-step verification" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10");
  return { secret, codes };
}

test("an organisation that requires two-step verification: staff set it up before anything else, then sign in with a code or a recovery code; an admin resets it and can stop requiring it", async ({ browser }) => {
  const { strictStaffEmail, password } = e2eState().other;

  // Password alone lands on the security page, and nothing else opens until it is set up.
  const staff = await (await browser.newContext()).newPage();
  await signInAndWait(staff, strictStaffEmail, password, /\/account\/security$/);
  await expect(staff.getByRole("alert").filter({ hasText: "requires two-step verification" })).toBeVisible();
  await staff.goto("/vendors");
  await expect(staff).toHaveURL(/\/account\/security$/);
  expect((await staff.request.get("/api/me")).status()).toBe(403);
  const { secret, codes } = await setUpMfa(staff);
  await staff.goto("/vendors");
  await expect(staff.getByRole("heading", { name: "Vendors" })).toBeVisible();

  // Signing in now asks for the code, keeping what was typed; a wrong one is refused.
  await signOut(staff);
  await signIn(staff, strictStaffEmail, password);
  const code = staff.getByLabel("Verification code");
  await expect(code).toBeFocused();
  await code.fill("111111");
  await staff.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await code.fill(codes[0]!);
  await staff.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(staff).toHaveURL(/\/dashboard$/);

  // A recovery code works once; the app's next code works.
  await signOut(staff);
  await signIn(staff, strictStaffEmail, password);
  await staff.getByLabel("Verification code").fill(codes[0]!);
  await staff.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await staff.getByLabel("Verification code").fill(totpCode(secret, new Date(Date.now() + 30_000)));
  await staff.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(staff).toHaveURL(/\/dashboard$/);

  // The admin (who must set it up too) sees who has it, resets the staff member's, and stops requiring it.
  const admin = await (await browser.newContext()).newPage();
  admin.on("dialog", (dialog) => void dialog.accept());
  await signInAndWait(admin, "admin@strict.example", password, /\/account\/security$/);
  await setUpMfa(admin);
  await admin.goto("/settings/users");
  await expect(admin.getByTestId("mfa-policy")).toContainText("Required");
  await expect(admin.getByTestId("mfa-policy")).toContainText("All active staff have it on.");
  const row = admin.getByTestId(`user-row-${strictStaffEmail}`);
  await expect(row).toContainText("Two-step on");
  await row.getByRole("button", { name: `Reset two-step verification of ${strictStaffEmail}` }).click();
  await expect(row).toContainText("Two-step off");
  // The reset ended the staff member's session; signing in again sends them to set it up anew.
  await staff.goto("/vendors");
  await expect(staff).toHaveURL(/\/sign-in/);
  await signInAndWait(staff, strictStaffEmail, password, /\/account\/security$/);

  await admin.getByRole("button", { name: "Stop requiring it" }).click();
  await expect(admin.getByTestId("mfa-policy")).toContainText("Not required.");
  await staff.goto("/vendors");
  await expect(staff.getByRole("heading", { name: "Vendors" })).toBeVisible();
});

test("a client viewer reaches their own account security from the portal, where two-step verification is optional", async ({ page }) => {
  await signInAndWait(page, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Account security" }).click();
  await expect(page).toHaveURL(/\/portal\/security$/);
  await expect(page.getByRole("button", { name: "Set up two-step verification" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "requires two-step verification" })).toHaveCount(0);
  // The MSP's own security page is not theirs.
  expect((await page.goto("/account/security"))?.status()).toBe(404);
});
