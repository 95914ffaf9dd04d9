import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";
import { expectNoPageSideScroll, generateProductReport } from "./support/report-share";

/** Issue 18, wide tables at 1280×800: the page never scrolls sideways; tables do, inside themselves. */
test.use({ viewport: { width: 1280, height: 800 } });

test("approval matrix: client column pinned, scrolls inside itself, status and tier filters apply on change", async ({ page }) => {
  await signInAndWait(page, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/approvals");
  await expectNoPageSideScroll(page);
  const matrix = page.getByRole("region", { name: "Approval matrix" });
  await expect(matrix).toHaveAttribute("tabindex", "0");
  const clientCell = matrix.locator("tbody th").first();
  expect(await clientCell.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");

  const columnsBefore = await matrix.locator("thead th").count();
  await page.getByLabel("Status").selectOption("APPROVED");
  await expect(page).toHaveURL(/[?&]status=APPROVED/);
  // Every use case still shown is approved; products with none drop out as columns.
  const shown = page.getByRole("region", { name: "Approval matrix" });
  if ((await shown.count()) > 0) {
    expect(await shown.locator("thead th").count()).toBeLessThanOrEqual(columnsBefore);
    for (const badge of await shown.locator("tbody li").all()) await expect(badge).toContainText("Approved");
  }
  await page.getByLabel("Risk tier").selectOption("CRITICAL");
  await expect(page).toHaveURL(/[?&]tier=CRITICAL/);
  await expect(page).toHaveURL(/[?&]status=APPROVED/);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/approvals$/);
});

test("users: every row's actions are on screen without scrolling sideways", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/settings/users");
  await expectNoPageSideScroll(page);
  for (const button of await page.getByRole("button", { name: /^(Deactivate|Reactivate)$/ }).all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
});

test("a report page with its share panel fits at 1280 px", async ({ browser }) => {
  const { am } = await generateProductReport(browser);
  await expect(am.getByRole("form", { name: "Share with a client" })).toBeVisible();
  await expectNoPageSideScroll(am);
  const panel = (await am.getByRole("form", { name: "Share with a client" }).boundingBox())!;
  expect(panel.x + panel.width).toBeLessThanOrEqual(1280);
});
