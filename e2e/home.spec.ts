import { expect, test } from "@playwright/test";
import { answerEverything } from "./support/assessment";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";
import { freshMember } from "./support/fresh-member";

test("an account manager's home counts their own drafts, and the tile opens the list filtered to them", async ({ page }) => {
  const password = "home page password 2026";
  const email = await freshMember(password, "ACCOUNT_MANAGER", { draft: true });
  await signInAndWait(page, email, password, /\/dashboard$/);
  await expect(page.getByRole("heading", { name: "My work" })).toBeVisible();
  // Not the compliance officer's queue: an account manager cannot act on it.
  await expect(page.getByTestId("tile-review-queue")).toHaveCount(0);
  await expect(page.getByTestId("tile-drafts-value")).toHaveText("1");
  await expect(page.getByTestId("tile-changes-requested-value")).toHaveText("0");
  // Vendor questionnaires this account manager sent that are still open: none yet.
  await expect(page.getByTestId("tile-vendor-requests-value")).toHaveText("0");

  await page.getByTestId("tile-drafts").click();
  await expect(page).toHaveURL(/\/assessments\?status=DRAFT&mine=1$/);
  await expect(page.getByRole("heading", { name: "Assessments" })).toBeVisible();
  await expect(page.getByTestId("assessments-total")).toHaveText("1 assessment draft that you started or submitted.");
  await expect(page.getByTestId("assessment-row")).toHaveCount(1);
  await expect(page.getByTestId("assessment-row")).toContainText("Rival's Secret Product");
  // Without "mine" the admin's draft of the same product is listed too.
  await page.getByRole("link", { name: "Only mine ✓" }).click();
  await expect(page.getByTestId("assessment-row")).toHaveCount(2);
});

test("each chart on the home page can be read as a table, and the table is there for screen readers all along", async ({ page }) => {
  const password = "home page password 2026";
  const email = await freshMember(password, "COMPLIANCE_OFFICER");
  await signInAndWait(page, email, password, /\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Reviews and approvals" })).toBeVisible();
  const products = page.getByTestId("chart-products");
  // The chart is drawn on the server as an SVG image named with its totals, and its table is in the page but visually hidden.
  const drawing = products.getByRole("img", { name: /^Products by risk tier and status: Low \d+, Medium \d+, High \d+, Critical \d+, Not scored \d+\./ });
  await expect(drawing).toBeVisible();
  expect(await drawing.locator("[data-chart-part=bar]").count()).toBeGreaterThan(0);
  const table = products.getByRole("table", { name: "Products by risk tier and status" });
  await expect(table).toBeAttached();
  // Visually hidden: its wrapper is clipped to a pixel.
  expect((await table.locator("..").boundingBox())!.width).toBeLessThanOrEqual(1);
  const toggle = products.getByRole("button", { name: "Show as table" });
  await toggle.click();
  await expect(products.getByRole("button", { name: "Show as chart" })).toHaveAttribute("aria-expanded", "true");
  await expect(table).toBeVisible();
  expect((await table.locator("..").boundingBox())!.width).toBeGreaterThan(200);
  await expect(table.getByRole("columnheader", { name: "Total" })).toBeVisible();
  await expect(table.getByRole("rowheader")).toHaveText(["Low", "Medium", "High", "Critical", "Not scored"]);
  // The table's row totals add up to the number of active products the figure names.
  const totals = await table.locator("tbody tr td:last-child").allInnerTexts();
  const named = Number((await products.getByText(/\d+ active products?/).innerText()).match(/\d+/)![0]);
  expect(named).toBeGreaterThan(0);
  expect(totals.map(Number).reduce((a, b) => a + b, 0)).toBe(named);

  // The renewals timeline's table has a row per week after the overdue one.
  const renewals = page.getByTestId("chart-renewals");
  await renewals.getByRole("button", { name: "Show as table" }).click();
  await expect(renewals.getByRole("table").getByRole("rowheader")).toHaveCount(14);
  await expect(renewals.getByRole("table").getByRole("rowheader").first()).toHaveText("Overdue");
});

test("submitting an assessment confirms it and offers the next step", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/products?q=Claude%20Free");
  await page.getByRole("link", { name: "Claude Free, Pro and Max" }).click();
  await page.getByRole("button", { name: /Start assessment|Continue/ }).click();
  await expect(page.getByRole("heading", { name: "Due diligence: Claude Free, Pro and Max" })).toBeVisible();
  await answerEverything(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  const confirmation = page.getByTestId("submitted-confirmation");
  await expect(confirmation.getByRole("heading", { name: "Submitted for review" })).toBeFocused();
  await expect(page).toHaveURL(/\?submitted=1$/);
  await expect(page.getByText("Submitted: read only")).toBeVisible();
  await expect(confirmation).toContainText("waiting in the compliance officer's review queue");
  await confirmation.getByRole("link", { name: "Propose a use case for a client" }).click();
  await expect(page).toHaveURL(/\/clients$/);
});
