import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

test("an admin changes the scoring weights: bad input is refused on the field, a good one makes a new model version", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.getByRole("link", { name: "Scoring" }).click();
  const heading = page.getByRole("heading", { name: /Current model: version (\d+)/ });
  const before = Number((await heading.textContent())!.match(/version (\d+)/)![1]);
  await page.getByLabel("DPA checklist weight").fill("-5");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Weights cannot be negative.")).toBeVisible();
  await page.getByLabel("DPA checklist weight").fill("50");
  await page.getByLabel("Questionnaire weight").fill("30");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status")).toHaveText(`Saved as scoring model version ${before + 1}.`);
  await expect(page.getByRole("heading", { name: `Current model: version ${before + 1}` })).toBeVisible();
});

test("only admins change scoring", async ({ page }) => {
  await signInAndWait(page, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  expect((await page.goto("/settings/scoring"))?.status()).toBe(404);
});
