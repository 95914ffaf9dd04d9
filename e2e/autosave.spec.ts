import { expect, test, type Browser } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

async function signedInPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  return { context, page };
}

test("typed answers reach the server even when the browser closes right after typing; a comment never clears the answer", async ({ browser }) => {
  const first = await signedInPage(browser);
  const page = first.page;
  await page.goto("/products?q=Copilot");
  await page.getByRole("link", { name: "Microsoft 365 Copilot" }).click();
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByRole("heading", { name: "1. Training and use of data" })).toBeVisible();
  const url = page.url();
  const status = page.getByTestId("save-status");

  // A yes/no answer, saved; then a comment on it: the answer stays.
  const shared = page.getByRole("group", { name: /shared with third parties/ });
  await shared.getByLabel("No").check();
  await expect(status).toHaveText(/All changes saved at/);
  await shared.getByText("Comment").click();
  await shared.getByLabel(/Comment on:/).fill("Per the Microsoft Products and Services DPA");
  // Typed and not yet sent: the status says so rather than "saved".
  await expect(status).not.toHaveText(/All changes saved/);
  await expect(status).toHaveText(/All changes saved at/);

  // Typing in a text answer and a number answer, then closing the browser at once: no waiting.
  await page.getByRole("button", { name: /7\. Operations and exit/ }).click();
  await page.getByRole("textbox", { name: "Anything else the reviewer should know?" }).fill("Tenant admin disabled web grounding");
  await page.getByRole("button", { name: /4\. Retention and deletion/ }).click();
  await page.getByRole("spinbutton", { name: "For how many days are prompts, outputs and logs retained?" }).fill("45");
  await first.context.close();

  // Elsewhere (a new browser context: nothing in its storage), every answer is on the server.
  const second = await signedInPage(browser);
  await second.page.goto(url);
  const again = second.page.getByRole("group", { name: /shared with third parties/ });
  await expect(again.getByLabel("No")).toBeChecked();
  await expect(again.getByLabel(/Comment on:/)).toHaveValue("Per the Microsoft Products and Services DPA");
  await second.page.getByRole("button", { name: /4\. Retention and deletion/ }).click();
  await expect(second.page.getByRole("spinbutton", { name: "For how many days are prompts, outputs and logs retained?" })).toHaveValue("45");
  await second.page.getByRole("button", { name: /7\. Operations and exit/ }).click();
  await expect(second.page.getByRole("textbox", { name: "Anything else the reviewer should know?" })).toHaveValue("Tenant admin disabled web grounding");
  await second.context.close();
});

test("the keepalive save route refuses another site, bad input (naming the field) and another organisation's assessment", async ({ browser }) => {
  const { context, page } = await signedInPage(browser);
  const url = `/api/assessments/${e2eState().other.assessmentId}/answers`;
  const origin = new URL(page.url()).origin;
  const body = JSON.stringify({ answers: [{ questionKey: "additional_notes", value: "x" }] });
  const foreign = await page.request.post(url, { headers: { Origin: "https://evil.example", "Content-Type": "text/plain" }, data: body });
  expect(foreign.status()).toBe(403);
  const notJson = await page.request.post(url, { headers: { Origin: origin, "Content-Type": "application/json" }, data: Buffer.from("{not json") });
  expect(notJson.status()).toBe(400);
  expect(await notJson.json()).toMatchObject({ fieldErrors: { answers: expect.any(String) } });
  const noParts = await page.request.post(url, { headers: { Origin: origin, "Content-Type": "application/json" }, data: { answers: [{ questionKey: "additional_notes" }] } });
  expect(noParts.status()).toBe(400);
  expect(await noParts.json()).toMatchObject({ fieldErrors: { "answers.0.value": expect.any(String) } });
  const elsewhere = await page.request.post(url, { headers: { Origin: origin, "Content-Type": "text/plain" }, data: body });
  expect(elsewhere.status()).toBe(404);
  await context.close();
});
