import { expect, test } from "@playwright/test";
import { calendarDateOf } from "@/lib/domain/dates/calendar-date";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

test("an admin sets the organisation's time zone, which decides what today is", async ({ page }) => {
  // The rival organisation, so the demo's calendar stays UTC for the other specs.
  const { adminEmail, password } = e2eState().other;
  await signInAndWait(page, adminEmail, password, /\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
  await expect(page.getByRole("heading", { name: "Organisation" })).toBeVisible();
  const form = page.getByRole("form", { name: "Organisation settings" });
  await expect(form.getByLabel("Time zone")).toHaveValue("UTC");
  await form.getByLabel("Time zone").selectOption("Pacific/Kiritimati");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  // UTC+14: its today is computed from the same clock, in that zone.
  await expect(page.getByText("in Pacific/Kiritimati.")).toBeVisible();
  await expect(page.getByTestId("organization-today")).toHaveText(calendarDateOf(new Date(), "Pacific/Kiritimati"));
  await page.reload();
  await expect(form.getByLabel("Time zone")).toHaveValue("Pacific/Kiritimati");
});

test("only admins manage the organisation", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" })).toHaveCount(0);
  expect((await page.goto("/settings/organization"))?.status()).toBe(404);
});
