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
  const url = am.url();
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
  const form = co.getByRole("form", { name: "Decision" });
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form.getByText("Write a justification (at least 10 characters).")).toBeVisible();
  await form.getByLabel("Justification").fill("Enterprise tier, no training, SCCs in place.");
  await form.getByLabel("Decision").selectOption("APPROVED_WITH_CONDITIONS");
  await form.getByRole("button", { name: "Add condition" }).click();
  await form.getByLabel("Condition 1").fill("Sign the Cloud Data Processing Addendum");
  await form.getByLabel("Due").fill(inDays(5));
  await form.getByRole("button", { name: "Record decision" }).click();
  const decision = co.getByTestId("decision");
  await expect(decision).toContainText("Approved with conditions");
  await expect(co.getByRole("form", { name: "Decision" })).toHaveCount(0);
  const condition = decision.getByTestId("condition");
  await expect(condition).toContainText("Open");
  await expect(condition).toContainText(`due ${inDays(5)}`);

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
});
