import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

test("fill the default questionnaire: answers survive a reload, submit lands on the missing required answer", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/products?q=ChatGPT");
  await page.getByRole("link", { name: "ChatGPT Free and Plus" }).click();
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByRole("heading", { name: "Due diligence: ChatGPT Free and Plus" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1. Training and use of data" })).toBeVisible();

  // Section 1: training is "yes", which reveals the required opt-out question.
  const trains = page.getByRole("group", { name: /use customer prompts, files or outputs to train/ });
  await trains.getByLabel("Yes").check();
  const optOut = page.getByRole("group", { name: /opt out of training/ });
  await expect(optOut).toBeVisible();
  // The product record says it trains (opt-out available): the answer agrees.
  await expect(trains.getByText("Matches the product record.")).toBeVisible();
  await page.getByRole("group", { name: /limited to the stated purpose/ }).getByLabel("No").check();
  await page.getByRole("group", { name: /human_review|reviewed by people/ }).getByLabel("No").check();
  await page.getByRole("group", { name: /shared with third parties/ }).getByLabel("No").check();
  await page.getByRole("group", { name: /shared with third parties/ }).getByText("Comment").click();
  await page.getByLabel(/Comment on: Is customer data shared/).fill("Per privacy policy, section 3");
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/);

  // Section 4 has a number question.
  await page.getByRole("button", { name: /4\. Retention and deletion/ }).click();
  await page.getByRole("spinbutton", { name: "For how many days are prompts, outputs and logs retained?" }).fill("30");
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/);
  // ChatGPT's record says retention is unlimited (no number of days): the answer shows the conflict, and resolves it.
  const conflict = page.getByTestId("fact-conflict-retention_days");
  await expect(conflict).toContainText("The product record does not say yet.");
  await conflict.getByRole("button", { name: "Update the product record to match this answer" }).click();
  await expect(page.getByRole("group", { name: /how many days are prompts/ }).getByText("Matches the product record.")).toBeVisible();

  // Half-way reload: every answer is still there.
  await page.reload();
  await expect(page.getByRole("group", { name: /use customer prompts, files or outputs to train/ }).getByLabel("Yes")).toBeChecked();
  await expect(page.getByRole("group", { name: /limited to the stated purpose/ }).getByLabel("No")).toBeChecked();
  await expect(page.getByLabel(/Comment on: Is customer data shared/)).toHaveValue("Per privacy policy, section 3");
  // The comment was saved after the answer, and did not clear it.
  await expect(page.getByRole("group", { name: /shared with third parties/ }).getByLabel("No")).toBeChecked();
  await page.getByRole("button", { name: /4\. Retention and deletion/ }).click();
  await expect(page.getByRole("spinbutton", { name: "For how many days are prompts, outputs and logs retained?" })).toHaveValue("30");

  // Submit with required answers missing: lands on the first one (the opt-out question in section 1).
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { name: "1. Training and use of data" })).toBeVisible();
  const missing = page.getByRole("group", { name: /opt out of training/ });
  await expect(missing.getByRole("alert")).toHaveText("This question needs an answer.");
  await expect(missing.getByLabel("Yes")).toBeFocused();
  await expect(page.getByText(/required question\(s\) still need an answer/)).toBeVisible();

  // The filled assessment exports as CSV and XLSX.
  const csv = await (await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!)).text();
  expect(csv).toContain("trains_on_customer_data");
  expect(csv).toContain("Per privacy policy, section 3");
  const xlsx = await page.request.get((await page.getByRole("link", { name: "Export XLSX" }).getAttribute("href"))!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
});

test("another organisation's product and assessment ids answer 404", async ({ page }) => {
  const { other } = e2eState();
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  for (const path of [`/assessments/${other.assessmentId}`, `/products/${other.productId}`, `/products/${other.productId}/edit`, `/products/${other.productId}/dpas/new`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test("a client viewer cannot see assessments", async ({ page }) => {
  const { other } = e2eState();
  await signInAndWait(page, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  expect((await page.goto(`/assessments/${other.assessmentId}`))?.status()).toBe(404);
});

test("an answer given while offline is kept and saved when the connection returns; two tabs do not overwrite each other", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/products?q=Bedrock");
  await page.getByRole("link", { name: "Amazon Bedrock" }).click();
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByRole("heading", { name: "1. Training and use of data" })).toBeVisible();
  const url = page.url();

  await context.setOffline(true);
  await page.getByRole("group", { name: /limited to the stated purpose/ }).getByLabel("Yes").check();
  await expect(page.getByTestId("save-status")).toHaveText(/Offline: 1 answer\(s\) waiting/);
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/, { timeout: 15_000 });

  // A second tab answers another question; neither answer is lost.
  const second = await context.newPage();
  await second.goto(url);
  await second.getByRole("group", { name: /shared with third parties/ }).getByLabel("No").check();
  await expect(second.getByTestId("save-status")).toHaveText(/All changes saved at/);
  await page.getByRole("group", { name: /reviewed by people/ }).getByLabel("Yes").check();
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/);

  await page.reload();
  await expect(page.getByRole("group", { name: /limited to the stated purpose/ }).getByLabel("Yes")).toBeChecked();
  await expect(page.getByRole("group", { name: /shared with third parties/ }).getByLabel("No")).toBeChecked();
  await expect(page.getByRole("group", { name: /reviewed by people/ }).getByLabel("Yes")).toBeChecked();
  await context.close();
});
