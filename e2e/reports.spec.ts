import { createHash } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { pdfText, squash } from "../lib/testing/pdf-text";
import { signInAndWait } from "./support/auth";
import { chooseOption } from "./support/combobox";
import { DEMO, DEMO_PASSWORD, e2eState } from "./support/env";

async function generateProductReport(browser: Browser) {
  const am = await (await browser.newContext()).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await am.goto("/products?q=OpenAI%20API");
  await am.getByRole("link", { name: "OpenAI API", exact: true }).click();
  await am.getByRole("button", { name: "Generate product report" }).click();
  await expect(am).toHaveURL(/\/reports\/r[0-9a-f]{24}$/);
  const reportId = am.url().split("/").pop()!;
  return { am, reportId };
}

async function share(am: Page, client: string, passcode = "") {
  const form = am.getByRole("form", { name: "Share with a client" });
  await chooseOption(form, "Client", client.split(" ")[0]!, client);
  await expect(form.getByLabel("Link expires after (days)")).toHaveValue("30");
  if (passcode) await form.getByLabel("Passcode (optional)").fill(passcode);
  const shown = am.getByLabel(/Share link, valid until/);
  const before = (await shown.count()) ? await shown.inputValue() : "";
  await form.getByRole("button", { name: "Create share link" }).click();
  await expect(shown).not.toHaveValue(before);
  const url = await shown.inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  return new URL(url).pathname;
}

test("share a report: open it signed out, download it, see it in the client's portal, verify it, revoke it", async ({ browser }) => {
  const { am, reportId } = await generateProductReport(browser);
  // The web view mirrors the PDF's sections.
  for (const heading of ["Executive summary", "Red flags", "DPA checklist", "Certifications", "Sub-processors and regions", "Questionnaire answers", "Exceptions", "Review and expiry dates", "Audit trail (excerpt)", "Methodology", "Verify this report"]) {
    await expect(am.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  // Issue 15.11: the decision as it stands and why the tier, in words (a product-level report covers no client's decision).
  await expect(am.getByTestId("report-decision-statement")).toHaveText(/^(No product-level decision is recorded|Approved|Rejected)/);
  await expect(am.getByTestId("report-tier-reason")).toHaveText(/ risk, (capped by|set by the score)/);
  const contentHash = await am.getByTestId("report-content-hash").innerText();
  expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
  const pdf = await am.request.get(`/api/reports/${reportId}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

  // A bad expiry is refused on the field.
  const form = am.getByRole("form", { name: "Share with a client" });
  await chooseOption(form, "Client", "Harbor", "Harbor Health Clinics");
  await form.getByLabel("Link expires after (days)").fill("0");
  await form.getByRole("button", { name: "Create share link" }).click();
  await expect(form.getByText("A link must stay open at least 1 day.")).toBeVisible();
  await form.getByLabel("Link expires after (days)").fill("30");
  const sharePath = await share(am, "Harbor Health Clinics");

  // Signed out, the link opens the report, with no-store and no-referrer.
  const visitor = await (await browser.newContext()).newPage();
  const opened = await visitor.goto(sharePath);
  expect(opened!.status()).toBe(200);
  expect(opened!.headers()["cache-control"]).toContain("no-store");
  expect(opened!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(visitor.getByRole("heading", { name: /OpenAI — OpenAI API/ }).first()).toBeVisible();
  await expect(visitor.getByTestId("report-content-hash")).toHaveText(contentHash);
  const download = await visitor.request.get(`${sharePath}/pdf`);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), bytes)).toBe(0);
  // Client walls (issue 13.1): a product-level report names no client (Lumen Retail EU uses OpenAI
  // API too), on the share page and in the PDF, and says so.
  await expect(visitor.getByTestId("report-audience")).toHaveText(/^Product-level report: no client's use cases/);
  const clientNames = ["Lumen Retail EU", "Harbor Health Clinics", "Product description generation"];
  for (const name of clientNames) await expect(visitor.getByRole("article", { name: "Report" })).not.toContainText(name);
  const pdfWords = await pdfText(bytes);
  for (const name of clientNames) expect(pdfWords.includes(squash(name)), `PDF shows ${name}`).toBe(false);

  // The access log shows it.
  await am.reload();
  await am.getByTestId("share-link").first().getByText("Access log").click();
  await expect(am.getByTestId("share-access").filter({ hasText: "Downloaded the PDF" })).toHaveCount(1);

  // The client's viewer finds it in the portal.
  const viewer = await (await browser.newContext()).newPage();
  await signInAndWait(viewer, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  await viewer.getByRole("link", { name: /OpenAI — OpenAI API/ }).first().click();
  await expect(viewer).toHaveURL(new RegExp(`/portal/reports/${reportId}$`));
  await expect(viewer.getByRole("heading", { name: "Executive summary" })).toBeVisible();
  for (const name of clientNames) await expect(viewer.getByRole("article", { name: "Report" })).not.toContainText(name);
  expect((await viewer.request.get(`/portal/reports/${reportId}/pdf`)).status()).toBe(200);

  // The verify page accepts the genuine file and rejects one with a changed byte.
  const checker = await (await browser.newContext()).newPage();
  await checker.goto("/verify");
  await checker.getByLabel("The report's PDF").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: bytes });
  await checker.getByRole("button", { name: "Verify" }).click();
  await expect(checker.getByTestId("verify-result")).toContainText("Genuine Vetta report, unaltered.");
  await expect(checker.getByTestId("verify-result")).toContainText(reportId);
  const altered = Buffer.from(bytes);
  const middle = Math.floor(altered.length / 2);
  altered[middle] = altered[middle]! ^ 0x20;
  await checker.getByLabel("The report's PDF").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: altered });
  await checker.getByRole("button", { name: "Verify" }).click();
  await expect(checker.getByTestId("verify-result")).toContainText("Not genuine: this file has been altered.");
  await checker.getByLabel("The report's PDF").setInputFiles([]);
  await checker.getByLabel("Its SHA-256 or report ID").fill(contentHash);
  await checker.getByRole("button", { name: "Verify" }).click();
  await expect(checker.getByTestId("verify-result")).toContainText("Genuine Vetta report");

  // The demo's portfolio report, issued by the seed and re-rendered by the server, verifies too.
  await viewer.goto("/portal");
  const demoHref = await viewer.getByRole("link", { name: "Harbor Health Clinics: AI portfolio" }).getAttribute("href");
  const demoPdf = await viewer.request.get(`${demoHref}/pdf`);
  expect(demoPdf.status()).toBe(200);
  const demoWords = await pdfText(await demoPdf.body());
  expect(demoWords.includes(squash("Prepared for Harbor Health Clinics"))).toBe(true);
  expect(demoWords.includes(squash("Lumen Retail EU")), "Harbor's portfolio PDF names Lumen").toBe(false);
  await viewer.goto(demoHref!);
  await expect(viewer.getByTestId("report-audience")).toContainText("Prepared for Harbor Health Clinics");
  await expect(viewer.getByRole("article", { name: "Report" })).not.toContainText("Lumen Retail EU");
  await checker.getByLabel("Its SHA-256 or report ID").fill("");
  await checker.getByLabel("The report's PDF").setInputFiles({ name: "portfolio.pdf", mimeType: "application/pdf", buffer: await demoPdf.body() });
  await checker.getByRole("button", { name: "Verify" }).click();
  await expect(checker.getByTestId("verify-result")).toContainText("Harbor Health Clinics: AI portfolio");
  await expect(checker.getByTestId("verify-result")).toContainText("Genuine Vetta report, unaltered.");

  // Revoked: the link is a 404 at once, and the portal no longer offers it.
  am.on("dialog", (dialog) => void dialog.accept());
  await am.getByTestId("share-link").first().getByRole("button", { name: "Revoke" }).click();
  await expect(am.getByTestId("share-link").first()).toContainText("Revoked");
  expect((await visitor.goto(sharePath))!.status()).toBe(404);
  expect((await visitor.request.get(`${sharePath}/pdf`)).status()).toBe(404);
  expect((await viewer.goto(`/portal/reports/${reportId}`))!.status()).toBe(404);
});

test("an expired link 404s, a passcode is asked for, and a viewer of another client cannot reach the report by any id", async ({ browser }) => {
  const { am, reportId } = await generateProductReport(browser);
  const expiring = await share(am, "Lumen Retail EU");
  const protectedPath = await share(am, "Lumen Retail EU", "lumen passcode");

  // Expire the first link (as time would) and it is a 404, like one that never existed.
  const token = expiring.split("/").pop()!;
  const db = new pg.Client({ connectionString: e2eState().databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [createHash("sha256").update(token).digest("hex")]);
  } finally {
    await db.end();
  }
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(expiring))!.status()).toBe(404);
  expect((await visitor.goto("/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))!.status()).toBe(404);

  // The passcode link asks for its passcode, refuses a wrong one, then opens.
  await visitor.goto(protectedPath);
  await expect(visitor.getByRole("heading", { name: "This report is protected" })).toBeVisible();
  expect((await visitor.request.get(`${protectedPath}/pdf`)).status()).toBe(403);
  await visitor.getByLabel("Passcode", { exact: true }).fill("not the passcode");
  await visitor.getByRole("button", { name: "Open report" }).click();
  await expect(visitor.getByRole("alert").filter({ hasText: "That passcode is not right." })).toBeVisible();
  await visitor.getByLabel("Passcode", { exact: true }).fill("lumen passcode");
  await visitor.getByRole("button", { name: "Open report" }).click();
  await expect(visitor.getByRole("heading", { name: "Executive summary" })).toBeVisible();
  expect((await visitor.request.get(`${protectedPath}/pdf`)).status()).toBe(200);

  // Harbor Health's viewer: the report shared with Lumen Retail is not listed, and no id reaches it.
  const viewer = await (await browser.newContext()).newPage();
  await signInAndWait(viewer, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  await expect(viewer.getByRole("heading", { name: "Shared reports" })).toBeVisible();
  await expect(viewer.locator(`a[href="/portal/reports/${reportId}"]`)).toHaveCount(0);
  for (const path of [`/portal/reports/${reportId}`, `/reports/${reportId}`]) expect((await viewer.goto(path))!.status()).toBe(404);
  for (const path of [`/portal/reports/${reportId}/pdf`, `/api/reports/${reportId}/pdf`]) expect((await viewer.request.get(path)).status()).toBe(404);
  // Nor can another organisation's admin.
  const rival = await (await browser.newContext()).newPage();
  await signInAndWait(rival, e2eState().other.adminEmail, e2eState().other.password, /\/dashboard$/);
  expect((await rival.goto(`/reports/${reportId}`))!.status()).toBe(404);
  expect((await rival.request.get(`/api/reports/${reportId}/pdf`)).status()).toBe(404);
});
