import { expect, test } from "@playwright/test";
import { pdfText, squash } from "../lib/testing/pdf-text";
import { answerEverything } from "./support/assessment";
import { signInAndWait } from "./support/auth";
import { chooseOption } from "./support/combobox";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a CRITICAL use case cannot be approved without an exception, and can with one; it shows in the matrix", async ({ browser }) => {
  // The account manager submits the product's assessment and proposes a PHI use case for a US clinic.
  const am = await (await browser.newContext()).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await am.goto("/products?q=Claude%20API");
  await am.getByRole("link", { name: "Claude API", exact: true }).click();
  await am.getByRole("button", { name: "Start assessment" }).click();
  await expect(am.getByRole("heading", { name: "Due diligence: Claude API" })).toBeVisible();
  // The questionnaire shows the score the product would get if submitted now, and it moves with the answers.
  const before = await am.getByTestId("live-score-value").innerText();
  await answerEverything(am);
  await expect.poll(async () => Number(await am.getByTestId("live-score-value").innerText())).toBeGreaterThan(Number(before));
  await am.getByRole("button", { name: "Submit for review" }).click();
  await expect(am.getByText("Submitted: read only")).toBeVisible();

  await am.getByRole("link", { name: "Clients" }).click();
  await am.getByRole("link", { name: "Harbor Health Clinics" }).click();
  const propose = am.getByRole("form", { name: "New use case" });
  await propose.getByRole("button", { name: "Propose use case" }).click();
  await expect(propose.getByText("Choose the product.")).toBeVisible();
  await chooseOption(propose, "Product", "Claude API", "Anthropic — Claude API");
  await propose.getByLabel("Purpose").fill("Summarising patient visit notes");
  await propose.getByRole("button", { name: "Propose use case" }).click();
  await expect(am.getByRole("heading", { name: "Anthropic — Claude API" })).toBeVisible();
  await expect(am.getByTestId("flag-PHI_WITHOUT_BAA")).toBeVisible();
  await expect(am.getByRole("form", { name: "Use case decision" })).toHaveCount(0);
  const useCaseUrl = am.url();

  // The compliance officer tries to approve without an exception, is refused, then records one.
  const co = await (await browser.newContext()).newPage();
  await signInAndWait(co, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  await co.goto(useCaseUrl);
  await expect(co.getByTestId("risk-score")).toContainText("Critical");
  const form = co.getByRole("form", { name: "Use case decision" });
  // Nothing is preselected: recording without choosing is refused on the field.
  await expect(form.getByLabel("Decision", { exact: true })).toHaveValue("");
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form.getByText("Choose a decision.")).toBeVisible();
  await form.getByLabel("Decision", { exact: true }).selectOption("APPROVED");
  await form.getByLabel("Justification", { exact: true }).fill("Pilot with de-identified notes only.");
  await form.getByLabel("Record a risk exception").uncheck();
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form.getByRole("alert").first()).toContainText("can only be approved with an exception");
  await expect(co.getByTestId("approval-summary")).toContainText("Proposed");

  await form.getByLabel("Record a risk exception").check();
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form.getByText("Justify the exception (at least 10 characters).")).toBeVisible();
  await form.getByLabel("Exception justification").fill("Clinical pilot limited to de-identified notes, 20 users.");
  await form.getByLabel("Risk accepted").fill("No HIPAA BAA is in place with the vendor yet.");
  await form.getByLabel("Client consent").selectOption("YES");
  await form.getByLabel("Consent given by").fill("Dr. Ana Rivera, CMO");
  await form.getByLabel("Consent date").fill(inDays(0));
  await form.getByLabel("Exception expires").fill(inDays(45));
  await form.getByRole("button", { name: "Record decision" }).click();

  // The form folds away into what was recorded: nothing left open showing an outcome.
  await expect(co.getByTestId("use-case-decision-recorded")).toContainText("Approved");
  await expect(co.getByRole("form", { name: "Use case decision" })).toHaveCount(0);
  const summary = co.getByTestId("approval-summary");
  await expect(summary).toContainText("Approved");
  await expect(summary).toContainText(inDays(45));
  await expect(summary).toContainText("the risk exception expires");
  await expect(co.getByText("In force", { exact: true })).toBeVisible();
  await expect(co.getByText("Yes, by Dr. Ana Rivera, CMO")).toBeVisible();

  // The use case's report states the decision as it is (issue 15.11): approved under an exception
  // that names the critical flags it accepts (PHI without BAA among them: the sample Claude API
  // has no signed DPA either), when it expires and who consented, in the PDF's own text.
  await co.getByRole("button", { name: "Generate report for this use case" }).click();
  await expect(co).toHaveURL(/\/reports\/r[0-9a-f]{24}$/);
  const reportId = co.url().split("/").pop()!;
  await expect(co.getByTestId("report-decision-statement")).toHaveText(/^Approved under a risk exception accepting (.+ and )?PHI without BAA, expires /);
  const pdf = await co.request.get(`/api/reports/${reportId}/pdf`);
  expect(pdf.status()).toBe(200);
  const words = await pdfText(await pdf.body());
  for (const phrase of ["Approved under a risk exception accepting", "PHI without BAA", `expires ${inDays(45)}`, "client consent by Dr. Ana Rivera, CMO", "Prepared for Harbor Health Clinics"]) {
    expect(words.includes(squash(phrase)), `the PDF says "${phrase}"`).toBe(true);
  }
  await co.goto(useCaseUrl);

  // The approval matrix shows the cell with its status and tier, linking to the use case.
  await co.getByRole("link", { name: "Approvals" }).click();
  const row = co.getByRole("row", { name: /Harbor Health Clinics/ });
  await expect(row.getByRole("link", { name: /Approved.*Critical/ })).toBeVisible();
  await row.getByRole("link", { name: /Approved.*Critical/ }).click();
  await expect(co).toHaveURL(useCaseUrl);
});

test("another organisation's clients and use cases answer 404", async ({ page }) => {
  const { other } = e2eState();
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  expect((await page.goto(`/use-cases/${other.useCaseId}`))?.status()).toBe(404);
  expect((await page.goto(`/clients/${other.clientId}`))?.status()).toBe(404);
  expect((await page.goto(`/clients/${other.clientId}/edit`))?.status()).toBe(404);
  await page.goto("/approvals");
  await expect(page.getByText("Rival Client")).toHaveCount(0);
});

test("an admin adds a client, with errors on the fields", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/clients/new");
  const form = page.getByRole("form", { name: "Client" });
  await form.getByLabel("Contact e-mail").fill("not-an-email");
  await form.getByRole("button", { name: "Create client" }).click();
  await expect(form.getByText("Enter the client's name.")).toBeVisible();
  await expect(form.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
  await form.getByLabel("Name").fill("Kestrel Legal LLP");
  await form.getByLabel("PII").check();
  await form.getByLabel("Required data residency").selectOption("UK");
  await form.getByLabel("Contact e-mail").fill("it@kestrel.example");
  await form.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByRole("heading", { name: "Kestrel Legal LLP" })).toBeVisible();
  await expect(page.getByText("UK residency").or(page.getByText("UK", { exact: true }))).toBeVisible();
  await page.goto("/clients?q=kestrel");
  await expect(page.getByRole("link", { name: "Kestrel Legal LLP" })).toBeVisible();
});
