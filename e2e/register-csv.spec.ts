import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

const HEADER = "vendor,vendor_website,product,tier,deployment_model,processing_regions,retention_kind,retention_days,training_policy";

test("CSV import writes nothing when a row is wrong, names the row and column, then imports and exports", async ({ page }) => {
  const vendor = `Csv Vendor ${Date.now()}`;
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/vendors/import");
  const bad = [HEADER, `${vendor},https://csv.example,Good Model,BUSINESS,CLOUD_API,EU;US,DAYS,30,NEVER`, `${vendor},,Bad Model,FREE,CLOUD_API,EU,DAYS,30,NEVER`, `${vendor},,Third Model,BUSINESS,CLOUD_API,EU,DAYS,abc,NEVER`].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Import" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(alert).toBeVisible();
  await expect(alert.getByTestId("import-error").filter({ hasText: "tier" })).toContainText("3");
  await expect(alert.getByTestId("import-error").filter({ hasText: "retention_days" })).toContainText("4");
  await expect(alert.getByTestId("import-error").filter({ hasText: "retention_days" })).toContainText("Enter whole days.");
  await page.goto(`/vendors?q=${encodeURIComponent(vendor)}`);
  await expect(page.getByText("No results match these filters.")).toBeVisible();

  await page.goto("/vendors/import");
  const good = [HEADER, `${vendor},https://csv.example,Good Model,BUSINESS,CLOUD_API,EU;US,DAYS,30,NEVER`, `${vendor},,Second Model,CONSUMER,CLOUD_API,US,UNLIMITED,,OPT_OUT_AVAILABLE`].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 1 new vendor(s) and 2 product(s)");

  const csv = await (await page.request.get("/api/vendors/export")).text();
  expect(csv.split("\r\n")[0]).toContain("vendor,vendor_website,vendor_description,product");
  expect(csv).toContain(`${vendor},https://csv.example,,Good Model,,BUSINESS,CLOUD_API,EU;US,DAYS,30,no,NEVER`);
  expect(csv).toContain(`${vendor},https://csv.example,,Second Model,,CONSUMER,CLOUD_API,US,UNLIMITED,,no,OPT_OUT_AVAILABLE`);
});

test("the product register filters by tier, with the filter in the URL", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/products?tier=CONSUMER");
  await expect(page.getByRole("table", { name: "Products" })).toBeVisible();
  const tiers = await page.getByRole("table", { name: "Products" }).locator("tbody tr td:nth-child(3)").allTextContents();
  expect(tiers.length).toBeGreaterThan(0);
  expect(tiers.every((t) => t === "Consumer" || t.includes("No results"))).toBe(true);
  await page.getByRole("button", { name: /Product/ }).first().click();
  await expect(page).toHaveURL(/sort=-name|sort=none/);
});
