import pg from "pg";
import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

test("weak passwords are refused on the field: 'password1234' and twelve spaces, at account security and when adding a user", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/account/security");
  const change = page.getByRole("form", { name: "Change password" });
  await change.getByLabel("Current password").fill(DEMO_PASSWORD);
  await change.getByLabel("New password", { exact: true }).fill("            ");
  await change.getByLabel("New password again").fill("            ");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change.getByLabel("New password", { exact: true })).toHaveAccessibleDescription("A password cannot be only spaces.");

  // The list check runs on the server; its answer lands on the same field.
  await change.getByLabel("New password", { exact: true }).fill("password1234");
  await change.getByLabel("New password again").fill("password1234");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/on a list of common or leaked passwords/);

  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Weak Password");
  await form.getByLabel("Email").fill(`weak-${Date.now()}@northbridge.example`);
  await form.getByLabel("Initial password").fill("password1234");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription(/on a list of common or leaked passwords/);
});

test("an admin sends a reset link; the person sets a new password once, signs in with it, and the old session is gone", async ({ browser }) => {
  const email = `reset-${Date.now()}@northbridge.example`;
  const admin = await (await browser.newContext()).newPage();
  await signInAndWait(admin, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await admin.goto("/settings/users");
  const form = admin.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Robin Reset");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill("first of many passwords");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("status")).toHaveText(`${email} can now sign in.`);

  const person = await (await browser.newContext()).newPage();
  await signInAndWait(person, email, "first of many passwords", /\/dashboard$/);

  await admin.getByTestId(`user-row-${email}`).getByRole("link").first().click();
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "Send password reset link" }).click();
  await expect(admin.getByRole("status")).toContainText(`Sent to ${email}`);

  // The link is in the person's mail only (the outbox table), not in what the admin sees.
  const db = new pg.Client({ connectionString: e2eState().databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ body: string }>(`SELECT body FROM "OutboxEmail" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [email]);
  await db.end();
  const link = /\/reset-password\/[A-Za-z0-9_-]{43}/.exec(rows[0]!.body)![0];
  await admin.goto("/settings/outbox");
  await expect(admin.getByText(link.split("/").pop()!)).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  const reset = visitor.getByRole("form", { name: "Set a new password" });
  await reset.getByLabel("New password", { exact: true }).fill("password1234");
  await reset.getByLabel("New password again").fill("password1234");
  await reset.getByRole("button", { name: "Set new password" }).click();
  await expect(reset.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/on a list of common or leaked passwords/);
  await reset.getByLabel("New password", { exact: true }).fill("second and better password");
  await reset.getByLabel("New password again").fill("second and better password");
  await reset.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByRole("status")).toContainText("Your new password is set.");

  // The person's old session ended; the link is spent; the new password works.
  expect((await person.request.get("/api/me")).status()).toBe(401);
  await visitor.goto(link);
  await expect(visitor.getByText(/This link has expired or was already used/)).toBeVisible();
  await signInAndWait(visitor, email, "second and better password", /\/dashboard$/);
});
