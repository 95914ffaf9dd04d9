import { expect, test, type Page } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

/** Answers every required question of every section with a conservative answer. */
async function answerEverything(page: Page) {
  const steps = page.getByRole("navigation", { name: "Sections" }).getByRole("button");
  const count = await steps.count();
  for (let i = 0; i < count; i++) {
    await steps.nth(i).click();
    const groups = page.locator("section fieldset").filter({ has: page.locator('legend span[aria-label="required"]') });
    for (let g = 0; g < (await groups.count()); g++) {
      const group = groups.nth(g);
      if ((await group.getByLabel("No", { exact: true }).count()) > 0) await group.getByLabel("No", { exact: true }).check();
      else if ((await group.getByRole("spinbutton").count()) > 0) await group.getByRole("spinbutton").fill("30");
      else if ((await group.getByRole("checkbox").count()) > 0) await group.getByRole("checkbox").first().check();
      else if ((await group.getByRole("radio").count()) > 0) await group.getByRole("radio").first().check();
    }
  }
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/);
}

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
