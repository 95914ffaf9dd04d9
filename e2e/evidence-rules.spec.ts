import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

async function newProduct(page: import("@playwright/test").Page, vendorName: string) {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/vendors/new");
  await page.getByLabel("Name").fill(vendorName);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendorName })).toBeVisible();
  await page.getByRole("link", { name: "Add product" }).click();
  await page.getByLabel("Product name").fill("Evidence Assistant");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { name: "Evidence Assistant" })).toBeVisible();
}

test("a blank certificate form saves nothing and names every field; a SOC 2 without its report shows as unverified", async ({ page }) => {
  await newProduct(page, `Blank Cert AI ${Date.now()}`);
  await page.getByRole("link", { name: "Add a certification" }).click();
  await expect(page.getByRole("combobox", { name: "Certification" })).toHaveValue("");
  await page.getByRole("button", { name: "Save certification" }).click();
  await expect(page.getByText("Choose the certification.")).toBeVisible();
  await expect(page.getByText("Enter who issued it (the auditor or certification body).")).toBeVisible();
  await expect(page.getByText("Enter the issue date.")).toBeVisible();
  await expect(page.getByText("Enter the expiry date.")).toBeVisible();

  await page.getByRole("combobox", { name: "Certification" }).selectOption("SOC2_TYPE_II");
  await expect(page.getByTestId("unverified-hint")).toBeVisible();
  await page.getByLabel("Issuer (auditor)").fill("A-LIGN");
  await page.getByLabel("Issued on").fill("2026-03-01");
  await page.getByLabel("Expires on").fill("2030-02-28");
  await page.getByRole("button", { name: "Save certification" }).click();
  await expect(page.getByRole("heading", { name: "Evidence Assistant" })).toBeVisible();
  await expect(page.getByTestId("certification-unverified")).toContainText("Unverified");
  await expect(page.getByTestId("flag-NO_INDEPENDENT_AUDIT")).toContainText("unverified");
});

test("a contradiction shows on the questionnaire with both sides until someone records why both stand", async ({ page }) => {
  await newProduct(page, `Contradiction AI ${Date.now()}`);
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByRole("heading", { name: "Due diligence: Evidence Assistant" })).toBeVisible();
  await page.getByRole("button", { name: /4\. Retention and deletion/ }).click();
  await page.getByRole("spinbutton", { name: "For how many days are prompts, outputs and logs retained?" }).fill("30");
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/);
  await page.reload();

  // The record says retention is unknown; the answer says 30 days.
  const item = page.getByTestId("contradiction-fact:retention_days");
  await expect(item).toContainText("30");
  await expect(item).toContainText("Unknown");
  await item.getByRole("button", { name: "Both stand: record why" }).click();
  await item.getByRole("button", { name: "Record reason" }).click();
  await expect(item.getByText("Say why both sides stand (at least 10 characters).")).toBeVisible();
  await item.getByLabel("Why both sides stand").fill("Vendor confirmed 30 days in writing; record to follow.");
  await item.getByRole("button", { name: "Record reason" }).click();
  await expect(page.getByTestId("contradiction-fact:retention_days")).toHaveCount(0);
  await page.getByText(/^Acknowledged \(/).click();
  await expect(page.getByTestId("contradiction-ack-fact:retention_days")).toContainText("Vendor confirmed 30 days in writing");
});
