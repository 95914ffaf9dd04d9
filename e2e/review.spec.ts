import { expect, test } from "@playwright/test";
import { answerEverything } from "./support/assessment";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("an account manager submits, the compliance officer approves with a condition; the filler cannot decide; the condition, once recorded as met, leaves the renewals", async ({ browser }) => {
  const am = await (await browser.newContext()).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await am.goto("/products?q=Gemini");
  await am.getByRole("link", { name: "Gemini on Vertex AI" }).click();
  await am.getByRole("button", { name: "Start assessment" }).click();
  await expect(am.getByRole("heading", { name: "Due diligence: Gemini on Vertex AI" })).toBeVisible();
  await answerEverything(am);
  await am.getByRole("button", { name: "Submit for review" }).click();
  await expect(am.getByText("Submitted: read only")).toBeVisible();
  // The assessment's own address, without the one-time "submitted" confirmation query.
  const url = am.url().split("?")[0]!;
  expect((await am.goto("/reviews"))?.status()).toBe(404);

  const co = await (await browser.newContext()).newPage();
  await signInAndWait(co, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  await co.getByRole("link", { name: "Reviews" }).click();
  await co.getByRole("link", { name: "Google Cloud — Gemini on Vertex AI" }).first().click();
  await expect(co).toHaveURL(url);
  // The reviewer sees the score it was submitted with, its flags, and the evidence.
  await expect(co.getByTestId("risk-score")).toBeVisible();
  await expect(co.getByTestId("flag-NO_DPA")).toBeVisible();
  await expect(co.getByRole("heading", { name: "Data processing agreements" })).toBeVisible();
  // The page opens on a summary: tier and why, flags, risky answers, what changed.
  const summary = co.getByTestId("review-summary");
  await expect(summary.getByRole("heading", { name: /^Tier/ })).toBeVisible();
  await expect(summary.getByText("No signed DPA")).toBeVisible();
  await expect(summary.getByRole("heading", { name: /Risky answers: \d+ of \d+/ })).toBeVisible();
  // Every answer on one page; "risky only" leaves only answers that fell short or raised a flag.
  const answers = co.getByTestId("review-answers");
  const all = await answers.getByTestId("review-answer").count();
  await co.getByRole("checkbox", { name: /Risky only/ }).check();
  await expect(answers.locator('[data-risky="false"]')).toHaveCount(0);
  expect(await answers.getByTestId("review-answer").count()).toBeLessThan(all);
  await co.getByRole("checkbox", { name: /Risky only/ }).uncheck();
  await expect(answers.getByTestId("review-answer")).toHaveCount(all);
  // A request for information about one answer, shown to the filler on that question.
  const shared = answers.getByTestId("review-answer").filter({ hasText: "shared with third parties" });
  await shared.getByRole("button", { name: "Comment or ask about this answer" }).click();
  await shared.getByLabel(/Note on:/).fill("Which third parties? Attach the list.");
  await shared.getByRole("button", { name: "Request information" }).click();
  await expect(shared.getByTestId("answer-review-note")).toContainText("Which third parties? Attach the list.");

  // No outcome is preselected: deciding without choosing one is a field error.
  const form = co.getByRole("form", { name: "Decision" });
  await expect(form.getByRole("radio", { checked: true })).toHaveCount(0);
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form.getByText("Choose a decision.")).toBeVisible();
  await expect(form.getByText("Write a justification (at least 10 characters).")).toBeVisible();
  await form.getByLabel("Justification").fill("Enterprise tier, no training, SCCs in place.");
  await form.getByRole("radio", { name: /Approved with conditions/ }).check();
  await form.getByRole("button", { name: "Add condition" }).click();
  await form.getByLabel("Condition 1").fill("Sign the Cloud Data Processing Addendum");
  await form.getByLabel("Due").fill(inDays(5));
  await form.getByRole("button", { name: "Record decision" }).click();
  const decision = co.getByTestId("decision");
  await expect(decision).toContainText("Approved with conditions");
  // The form is gone: the page shows the decision as recorded, nothing left to click.
  await expect(co.getByRole("form", { name: "Decision" })).toHaveCount(0);
  await expect(co.getByRole("radio")).toHaveCount(0);
  await expect(co.getByTestId("summary-decision")).toContainText("Approved with conditions");
  const condition = decision.getByTestId("condition");
  await expect(condition).toContainText("Open");
  await expect(condition).toContainText(`due ${inDays(5)}`);

  // The filler sees the reviewer's request on that question.
  await am.goto(url);
  await expect(am.getByRole("group", { name: /shared with third parties/ }).getByTestId("answer-review-note")).toContainText("Which third parties? Attach the list.");

  // The condition is on the renewals page until the account manager records how it was met.
  await am.goto("/renewals?kind=CONDITION_DUE");
  const row = am.getByTestId("renewal-bucket-DUE_7").getByTestId("renewal-row").filter({ hasText: "Sign the Cloud Data Processing Addendum" });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(am).toHaveURL(url);
  await am.getByRole("button", { name: "Record as met: Sign the Cloud Data Processing Addendum" }).click();
  const record = am.getByRole("form", { name: "Record as met: Sign the Cloud Data Processing Addendum" });
  await expect(record.getByLabel("How was it met?")).toBeFocused();
  await record.getByLabel("How was it met?").fill("done");
  await record.getByRole("button", { name: "Record as met" }).click();
  await expect(record.getByText("Say how the condition was met (at least 10 characters).")).toBeVisible();
  await record.getByLabel("How was it met?").fill("Signed by both parties; PDF filed under the vendor's documents.");
  await record.getByRole("button", { name: "Record as met" }).click();
  const met = am.getByTestId("condition").filter({ hasText: "Sign the Cloud Data Processing Addendum" });
  await expect(met).toContainText("Met");
  await expect(met).toContainText("Recorded as met by Morgan Account");
  await expect(met).toContainText("PDF filed under the vendor's documents.");
  await am.goto("/renewals?kind=CONDITION_DUE");
  await expect(am.getByTestId("renewal-row").filter({ hasText: "Sign the Cloud Data Processing Addendum" })).toHaveCount(0);
});

test("the demo organisation has an assessment waiting in the compliance officer's reviews, with its score", async ({ page }) => {
  await signInAndWait(page, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews" }).click();
  await page.getByRole("link", { name: "Microsoft — Azure OpenAI in Azure AI Foundry" }).first().click();
  await expect(page.getByRole("heading", { name: "Due diligence: Azure OpenAI in Azure AI Foundry" })).toBeVisible();
  await expect(page.getByTestId("risk-score")).toBeVisible();
  await expect(page.getByRole("form", { name: "Decision" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Decision" }).getByRole("radio", { checked: true })).toHaveCount(0);
});

test("the review page works at a phone's width", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInAndWait(page, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/reviews");
  await page.getByRole("link", { name: "Microsoft — Azure OpenAI in Azure AI Foundry" }).first().click();
  await expect(page.getByTestId("review-summary")).toBeVisible();
  // Nothing forces the page wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("checkbox", { name: /Risky only/ }).check();
  await expect(page.getByTestId("review-answers").locator('[data-risky="false"]')).toHaveCount(0);
  await context.close();
});
