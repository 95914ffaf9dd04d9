import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { freshAccount } from "./support/fresh-account";

// Each test signs in as an account of its own: sign-out-everywhere would end other specs' sessions.
const PASSWORD = "session spec password 2026";

test("signing out ends the session on the server: a copy of the old cookie gets 401 from /api/me", async ({ browser }) => {
  const email = await freshAccount(PASSWORD, "signout");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email, PASSWORD, /\/dashboard$/);
  const kept = await context.cookies();
  expect((await page.request.get("/api/me")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // Someone who copied the cookie before the sign-out replays it from another browser.
  const replay = await browser.newContext();
  await replay.addCookies(kept);
  const me = await replay.request.get("/api/me");
  expect(me.status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/sign-in$/);
  await Promise.all([context.close(), replay.close()]);
});

test("sign out everywhere ends the other browser's session too", async ({ browser }) => {
  const email = await freshAccount(PASSWORD, "everywhere");
  const [one, two] = await Promise.all([browser.newContext(), browser.newContext()]);
  const first = await one.newPage();
  const second = await two.newPage();
  await signInAndWait(first, email, PASSWORD, /\/dashboard$/);
  await signInAndWait(second, email, PASSWORD, /\/dashboard$/);
  expect((await second.request.get("/api/me")).status()).toBe(200);
  first.once("dialog", (dialog) => void dialog.accept());
  await first.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect((await second.request.get("/api/me")).status()).toBe(401);
  await Promise.all([one.close(), two.close()]);
});
