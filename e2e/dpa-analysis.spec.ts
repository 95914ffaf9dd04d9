import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { textPdf } from "@/lib/testing/dpa-documents";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

const NORTHWIND = readFileSync(path.join(import.meta.dirname, "../lib/domain/dpa-analysis/fixtures/northwind-gdpr-long.md"), "utf8").replace(/^#+ /gm, "# ");

test("an uploaded DPA is analysed: proposals with quotes appear, and only accepting them changes the checklist and the score", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const pdf = await textPdf(NORTHWIND);
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/vendors/new");
  await page.getByLabel("Name").fill(`Northwind ${Date.now()}`);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await page.getByRole("link", { name: "Add product" }).click();
  await page.getByLabel("Product name").fill("Northwind Analytics");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { name: "Northwind Analytics" })).toBeVisible();

  await page.getByRole("link", { name: "Add a DPA" }).click();
  await page.getByLabel("Title").fill("Northwind DPA 2026");
  await page.getByLabel("Signed document").setInputFiles({ name: "northwind-dpa.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(page.getByTestId("uploaded-file")).toContainText("northwind-dpa.pdf");
  await page.getByRole("button", { name: "Save DPA" }).click();
  await expect(page.getByRole("heading", { name: "Northwind Analytics" })).toBeVisible();
  const productUrl = page.url();
  const dpaOnProduct = page.getByRole("region", { name: "Northwind DPA 2026" });
  await expect(dpaOnProduct.getByTestId("clause-BREACH_NOTIFICATION")).toContainText("Missing");

  // Saving the DPA with its file queued the analysis; the page follows the worker.
  await dpaOnProduct.getByRole("link", { name: /Review/ }).click();
  const dpaUrl = page.url();
  const breach = page.getByTestId("proposal-BREACH_NOTIFICATION");
  await expect(breach).toContainText("within thirty-six (36) hours", { timeout: 60_000 });
  await expect(breach).toContainText("Proposed");
  await expect(breach).toContainText(/page \d/);
  await expect(breach).toContainText("Checklist now: Missing");
  await expect(page.getByLabel("Document text")).toContainText("ANNEX II");
  const scoreBefore = Number(await page.getByTestId("product-score").textContent());

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Accept all 12 remaining" }).click();
  await expect(breach).toContainText("Checklist now: Present");
  await expect(breach).toContainText("Accepted");
  await expect(page.getByTestId("product-score")).not.toHaveText(String(scoreBefore));
  expect(Number(await page.getByTestId("product-score").textContent())).toBeGreaterThan(scoreBefore);

  // A fact is applied with one click, once.
  await page.getByRole("button", { name: "Apply breach notice" }).click();
  await expect(page.getByRole("row", { name: /Breach notice/ })).toContainText("Applied");

  await page.goto(productUrl);
  await expect(dpaOnProduct.getByTestId("clause-BREACH_NOTIFICATION")).toContainText("Present");
  await expect(dpaOnProduct.getByTestId("clause-BREACH_NOTIFICATION")).toContainText("36");
  await expect(dpaOnProduct).toContainText("breach notice 36 h");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("dpa.proposal.accept-all");

  // Another organisation's staff get a 404 for this DPA page, not a hint that it exists.
  const { other } = e2eState();
  const rival = await browser.newPage();
  await signInAndWait(rival, other.adminEmail, other.password, /\/dashboard$/);
  expect((await rival.goto(dpaUrl))?.status()).toBe(404);
  await rival.close();
});
