import { expect, test } from "@playwright/test";
import { answerEverything } from "./support/assessment";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

test("an account manager submits, the compliance officer approves with a justification; the filler cannot decide", async ({ browser }) => {
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
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(co.getByTestId("decision")).toContainText("Approved");
  await expect(co.getByRole("form", { name: "Decision" })).toHaveCount(0);
});
