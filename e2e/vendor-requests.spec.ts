import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { answerEverything } from "./support/assessment";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const PRODUCT = "Askable Assistant";

/**
 * A vendor and product of this test's own in the demo organisation, written straight to the
 * database: accepting answers starts the product's assessment, and the sample products are
 * assessed and submitted by other specs running beside this one.
 */
async function ownProduct() {
  const db = new pg.Client({ connectionString: e2eState().databaseUrl });
  await db.connect();
  try {
    const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    const { rows } = await db.query<{ organizationId: string }>(`SELECT m."organizationId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [DEMO.ACCOUNT_MANAGER]);
    const organizationId = rows[0]!.organizationId;
    await db.query(`INSERT INTO "Vendor" (id, "organizationId", name, "updatedAt") VALUES ($1, $2, $3, now())`, [`vq${stamp}`, organizationId, `Askable Labs ${stamp}`]);
    await db.query(
      `INSERT INTO "Product" (id, "organizationId", "vendorId", name, tier, "deploymentModel", "processingRegions", "updatedAt") VALUES ($1, $2, $3, $4, 'BUSINESS', 'CLOUD_API', '{}', now())`,
      [`pq${stamp}`, organizationId, `vq${stamp}`, PRODUCT],
    );
    return `/products/pq${stamp}`;
  } finally {
    await db.end();
  }
}

/** The link as the vendor's mail carries it (the outbox: no SMTP in e2e). */
async function linkMailedTo(email: string) {
  const db = new pg.Client({ connectionString: e2eState().databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ body: string }>(`SELECT body FROM "OutboxEmail" WHERE "to" = $1 ORDER BY "createdAt" ASC LIMIT 1`, [email]);
    return /\/questionnaire\/[A-Za-z0-9_-]{43}/.exec(rows[0]!.body)![0];
  } finally {
    await db.end();
  }
}

async function sendRequest(am: Page, productPath: string, email: string, skip: string[] = []) {
  await am.goto(productPath);
  await am.getByRole("link", { name: "Ask the vendor" }).click();
  const form = am.getByRole("form", { name: "Send a questionnaire to the vendor" });
  for (const section of skip) await form.getByLabel(section).check();
  await form.getByLabel("Contact name").fill("Vera Vendor");
  await form.getByLabel("Contact email").fill(email);
  await form.getByLabel("Message (optional)").fill("Please answer by the due date.");
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await expect(am.getByRole("status").filter({ hasText: "Sent to" })).toContainText(`Sent to ${email}`);
  // Shown once, and the same link as the mail.
  const shown = await am.getByLabel("Questionnaire link").inputValue();
  const mailed = await linkMailedTo(email);
  expect(shown.endsWith(mailed)).toBe(true);
  return mailed;
}

async function vendorPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  // Signed out: a context of its own, no session cookie.
  return (await browser.newContext(options)).newPage();
}

test("send → the vendor answers by the mailed link with a file → the account manager returns one, the vendor fixes it → accept → submit for review", async ({ browser }) => {
  test.setTimeout(240_000);
  const email = `vera-${Date.now()}@vendor.example`;
  const am = await (await browser.newContext()).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  const productPath = await ownProduct();
  const link = await sendRequest(am, productPath, email);

  const vendor = await vendorPage(browser);
  await vendor.goto(link);
  await expect(vendor.getByText("Northbridge IT (demo) asks")).toBeVisible();
  await expect(vendor.getByRole("heading", { level: 1 })).toContainText(PRODUCT);
  // Nothing else of the MSP: no client names, no scores.
  await expect(vendor.getByText("Harbor Health")).toHaveCount(0);
  await expect(vendor.getByText(/score/i)).toHaveCount(0);
  await vendor.getByRole("button", { name: "Send answers" }).click();
  await expect(vendor.getByRole("alert").filter({ hasText: "still need attention" })).toContainText("needs an answer");

  await answerEverything(vendor);
  await vendor.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: /Contract and DPA/ }).click();
  const dpa = vendor.getByRole("group", { name: /Attach the signed DPA/ });
  await dpa.getByLabel("Attach a file").setInputFiles({ name: "vendor-dpa.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(dpa.getByText("vendor-dpa.pdf")).toBeVisible();
  await expect(vendor.getByTestId("save-status")).toHaveText(/All changes saved at/);
  // Save and come back later: the same link shows the answers.
  await vendor.reload();
  await vendor.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: /Contract and DPA/ }).click();
  await expect(vendor.getByRole("group", { name: /Attach the signed DPA/ }).getByText("vendor-dpa.pdf")).toBeVisible();
  await vendor.getByRole("button", { name: "Send answers" }).click();
  await expect(vendor.getByText("your answers were sent")).toBeVisible();
  await expect(vendor.getByTestId("save-status")).toHaveText("Sent: read only");

  // The account manager reviews: returns one, accepts the rest, sends the returned one back.
  await am.goto(productPath);
  await am.getByRole("link", { name: new RegExp(`Vera Vendor \\(${email}\\)`) }).click();
  const signed = am.getByTestId("vendor-answer-dpa_signed");
  await signed.getByRole("button", { name: /^Return:/ }).click();
  await signed.getByLabel("What should the vendor change?").fill("Our records show a signed DPA; please check.");
  await signed.getByRole("button", { name: "Return with this comment" }).click();
  await expect(signed.getByText("Returned: Our records show a signed DPA")).toBeVisible();
  am.once("dialog", (d) => void d.accept());
  await am.getByRole("button", { name: "Accept every answer still to review" }).click();
  await expect(am.getByTestId("vendor-answer-dpa_document").getByText("Accepted")).toBeVisible({ timeout: 30_000 });
  await am.getByRole("button", { name: "Send returned answers to the vendor" }).click();
  await expect(am.getByText("Returned to the vendor", { exact: true })).toBeVisible();

  // The vendor sees the returned answer on the same link, fixes it and sends it again.
  await vendor.goto(link);
  await expect(vendor.getByTestId("returned-dpa_signed")).toContainText("Our records show a signed DPA");
  const question = vendor.getByRole("group", { name: /data processing agreement signed/ });
  await question.getByLabel("Yes", { exact: true }).check();
  await expect(vendor.getByTestId("save-status")).toHaveText(/All changes saved at/);
  await vendor.getByRole("button", { name: "Send the changed answers" }).click();
  await expect(vendor.getByText("your answers were sent")).toBeVisible();

  await am.reload();
  await am.getByTestId("vendor-answer-dpa_signed").getByRole("button", { name: /^Accept:/ }).click();
  await expect(am.getByText("Completed", { exact: true })).toBeVisible();
  await am.getByRole("link", { name: "the product's assessment" }).click();
  // The assessment opens on its first section; the vendor's answers there say who gave them.
  await expect(am.getByTestId("answered-by-vendor-trains_on_customer_data")).toContainText("Answered by vendor contact Vera Vendor on");
  await am.getByRole("button", { name: "Submit for review" }).click();
  await expect(am.getByText("Submitted: read only")).toBeVisible();
});

test("a phone-sized screen completes a section; a revoked link is a 404", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = `phone-${Date.now()}@vendor.example`;
  const am = await (await browser.newContext()).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  const link = await sendRequest(am, await ownProduct(), email);
  const requestUrl = await am.getByRole("link", { name: "Open the request" }).getAttribute("href");
  // The renewals page lists it among the open requests.
  await am.goto("/renewals");
  await expect(am.getByRole("region", { name: /Vendor questionnaires open/ }).getByRole("link", { name: /Askable Assistant · Vera Vendor/ }).first()).toBeVisible();

  const phone = await vendorPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(link);
  const section = phone.getByRole("region", { name: /1\. Training and use of data/ });
  // Whatever the organisation's questionnaire asks today (the questionnaires spec may publish a new
  // version with other wording and rules meanwhile): answer the first section's questions on the
  // phone and see them saved and counted. Completing every question is the desktop test's job.
  await expect(section).toBeVisible();
  const questions = section.getByRole("group");
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const radios = questions.nth(i).getByRole("radio");
    if ((await radios.count()) > 0) await radios.first().check();
  }
  // Answers may show more questions (show-when rules): fill the text, number and date ones now shown.
  const fields = section.locator("textarea, input[type=text], input[type=number], input[type=date]");
  for (let i = 0; i < (await fields.count()); i++) {
    const field = fields.nth(i);
    const name = await field.evaluate((el) => {
      const input = el as HTMLInputElement;
      const by = input.getAttribute("aria-labelledby");
      return (by ? document.getElementById(by)?.textContent : input.labels?.[0]?.textContent) ?? "";
    });
    if (/Comment/i.test(name) || (await field.inputValue()) !== "") continue;
    const type = await field.getAttribute("type");
    await field.fill(type === "number" ? "30" : type === "date" ? "2027-01-01" : "Answered on a phone.");
    await field.blur();
  }
  await expect(phone.getByTestId("save-status")).toHaveText(/All changes saved at/);
  await expect(phone.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: /1\. Training and use of data/ })).not.toContainText(/\b0\/\d/);
  await expect(section).toBeVisible();
  // Nothing wider than the phone.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await am.goto(requestUrl!);
  am.once("dialog", (d) => void d.accept());
  await am.getByRole("button", { name: "Revoke link" }).click();
  await expect(am.getByText("Link revoked", { exact: true })).toBeVisible();
  const response = await phone.goto(link);
  expect(response?.status()).toBe(404);
});
