import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, E2E_DATA_DIR, e2eState } from "./support/env";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("an account manager registers a vendor, a product, a DPA with its checklist and a SOC 2 report, and sees it all on the vendor page", async ({ page }) => {
  const vendorName = `Acme AI ${Date.now()}`;
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await page.getByRole("link", { name: "New vendor" }).click();

  // A bad website is refused on the field.
  await page.getByLabel("Name").fill(vendorName);
  await page.getByLabel("Website").fill("ftp://acme");
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByText("Enter a web address starting with https://")).toBeVisible();
  await page.getByLabel("Website").fill("https://acme.example");
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendorName })).toBeVisible();

  await page.getByRole("link", { name: "Add product" }).click();
  await page.getByLabel("Product name").fill("Acme Assistant API");
  await page.getByLabel("Tier").selectOption("ENTERPRISE");
  await page.getByLabel("Processing regions").fill("EU, US");
  await page.getByLabel("Training on customer data").selectOption("NEVER");
  await page.getByLabel("Retention", { exact: true }).selectOption("DAYS");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Enter the retention period in days.")).toBeVisible();
  await page.getByLabel("Retention (days)").fill("30");
  await page.getByLabel("Encryption in transit").selectOption("YES");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { name: "Acme Assistant API" })).toBeVisible();

  // DPA with the signed PDF and the clause checklist.
  await page.getByRole("link", { name: "Add a DPA" }).click();
  await page.getByLabel("Title").fill("Acme DPA v3");
  await page.getByLabel("Expires on").fill("2028-06-30");
  await page.getByLabel("Breach notice (hours)").fill("72");
  await page.getByLabel("Transfer mechanism").selectOption("SCCS");
  await page.getByLabel("Signed document").setInputFiles({ name: "acme-dpa.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("uploaded-file")).toContainText("acme-dpa.pdf");
  await page.getByLabel("No training on customer data status").selectOption("PRESENT");
  await page.getByLabel("Breach notification status").selectOption("PRESENT");
  await page.getByLabel("Breach notification evidence").fill("§9.1: within 72 hours");
  await page.getByLabel("Retention limit status").selectOption("PARTIAL");
  await page.getByRole("button", { name: "Save DPA" }).click();
  // Evidence is required for a PRESENT clause.
  await expect(page.getByText("Cite the section or quote the clause.")).toHaveCount(2);
  await page.getByLabel("No training on customer data evidence").fill("§4.2: no training on Customer Data");
  await page.getByLabel("Retention limit evidence").fill("Annex 2");
  await page.getByRole("button", { name: "Save DPA" }).click();
  await expect(page.getByRole("heading", { name: "Acme Assistant API" })).toBeVisible();

  await page.getByRole("link", { name: "Add a certification" }).click();
  await page.getByRole("combobox", { name: "Certification" }).selectOption("SOC2_TYPE_II");
  await page.getByLabel("Issuer (auditor)").fill("A-LIGN");
  await page.getByLabel("Issued on").fill("2026-03-01");
  await page.getByLabel("Expires on").fill("2027-12-31");
  await page.getByLabel("Report or certificate").setInputFiles({ name: "soc2.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("uploaded-file")).toContainText("soc2.pdf");
  await page.getByRole("button", { name: "Save certification" }).click();

  await page.getByRole("link", { name: `← ${vendorName}` }).click();
  await expect(page.getByRole("heading", { name: vendorName })).toBeVisible();
  const dpa = page.getByRole("region", { name: "Acme DPA v3" });
  await expect(dpa.getByText("Current")).toBeVisible();
  await expect(dpa.getByTestId("clause-NO_TRAINING")).toContainText("Present");
  await expect(dpa.getByTestId("clause-NO_TRAINING")).toContainText("§4.2");
  await expect(dpa.getByTestId("clause-RETENTION")).toContainText("Partial");
  await expect(dpa.getByTestId("clause-AUDIT_RIGHTS")).toContainText("Missing");
  await expect(dpa.getByRole("link", { name: /acme-dpa\.pdf/ })).toBeVisible();
  await expect(page.getByTestId("certification-SOC2_TYPE_II")).toContainText("SOC 2 Type II");
  await expect(page.getByTestId("certification-SOC2_TYPE_II")).toContainText("Valid");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("dpa.create");

  // The document downloads intact, as an attachment.
  const download = await page.request.get((await dpa.getByRole("link", { name: /acme-dpa\.pdf/ }).getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain('attachment; filename="acme-dpa.pdf"');
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await download.body())).toEqual(PDF);

  // And the register lists it, searchable, with the state in the URL.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await page.getByLabel("Search vendors and products").fill("Acme Assistant");
  await expect(page).toHaveURL(/q=Acme\+Assistant/);
  await expect(page.getByRole("link", { name: vendorName })).toBeVisible();
});

test("an oversized or disguised file is refused with a clear message", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  const disguised = await page.request.post("/api/files", { multipart: { file: { name: "logo.png", mimeType: "image/png", buffer: PDF } } });
  expect(disguised.status()).toBe(415);
  expect((await disguised.json()).error).toBe("This file's content is a PDF but its name says a PNG image (.png). Rename it to end in .pdf, or upload the right file.");
  const exe = await page.request.post("/api/files", { multipart: { file: { name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]) } } });
  expect((await exe.json()).error).toContain("a Windows executable");
  const big = Buffer.alloc(26 * 1024 * 1024, 0x20);
  big.write("%PDF-1.4");
  const oversized = await page.request.post("/api/files", { multipart: { file: { name: "huge.pdf", mimeType: "application/pdf", buffer: big } } });
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).error).toMatch(/limit is 25 MB/);

  // In the form, the message shows under the control.
  await page.goto("/vendors/new");
  await page.getByLabel("Name").fill(`Upload Co ${Date.now()}`);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await page.getByRole("link", { name: "Add product" }).click();
  await page.getByLabel("Product name").fill("Uploader");
  await page.getByRole("button", { name: "Create product" }).click();
  await page.getByRole("link", { name: "Add a DPA" }).click();
  await page.getByLabel("Signed document").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: PDF });
  await expect(page.getByRole("alert").filter({ hasText: "content is a PDF" })).toBeVisible();
});

test("a stored file altered on disk is refused on download", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  const upload = await page.request.post("/api/files", { multipart: { file: { name: "evidence.txt", mimeType: "text/plain", buffer: Buffer.from("Vendor statement: no training.\n") } } });
  expect(upload.status()).toBe(201);
  const { file } = (await upload.json()) as { file: { id: string } };
  expect((await page.request.get(`/api/files/${file.id}`)).status()).toBe(200);

  const client = new pg.Client({ connectionString: e2eState().databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ storageKey: string }>(`SELECT "storageKey" FROM "EvidenceFile" WHERE id = $1`, [file.id]);
  await client.end();
  const onDisk = path.join(E2E_DATA_DIR, "files", rows[0]!.storageKey);
  const bytes = readFileSync(onDisk);
  bytes[3] = bytes[3]! ^ 0x01;
  writeFileSync(onDisk, bytes);

  const refused = await page.request.get(`/api/files/${file.id}`);
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatch(/failed its integrity check/);
});

test("another organisation's vendor id answers 404", async ({ page }) => {
  const { other } = e2eState();
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  for (const path of [`/vendors/${other.vendorId}`, `/vendors/${other.vendorId}/edit`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("Rival's Secret Vendor")).toHaveCount(0);
  }
  expect((await page.request.get(`/api/files/${other.vendorId}`)).status()).toBe(404);
});

test("a client viewer cannot reach the register", async ({ page }) => {
  await signInAndWait(page, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  for (const path of ["/vendors", "/products", "/vendors/new"]) expect((await page.goto(path))?.status(), path).toBe(404);
  expect((await page.request.get("/api/vendors/export")).status()).toBe(404);
  expect((await page.request.post("/api/files", { multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: PDF } } })).status()).toBe(404);
});

test("a product page shows its live score, tier and red flags with evidence, and lists filter by risk tier", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/products?q=ChatGPT");
  await page.getByRole("link", { name: "ChatGPT Free and Plus" }).click();
  const card = page.getByTestId("risk-score");
  await expect(card).toContainText("Critical risk");
  await expect(page.getByTestId("flag-NO_DPA")).toContainText("No DPA is recorded");
  await expect(page.getByTestId("flag-CONSUMER_TIER")).toContainText("consumer tier");
  await page.getByText("Every point, as scored").click();
  await expect(page.getByRole("table", { name: "Score contributions" })).toContainText("NO_TRAINING");
  // What moved the score, at a glance: each flag links to the place that clears it...
  await expect(page.getByRole("heading", { name: "What moved the score" })).toBeVisible();
  await expect(page.getByTestId("flag-fix-NO_DPA").getByRole("link", { name: /Open the DPA/ })).toHaveAttribute("href", /\/dpas\/new$/);
  await expect(page.getByTestId("flag-fix-CONSUMER_TIER").getByRole("link", { name: /Edit the product fact/ })).toHaveAttribute("href", /\/edit#fact-tier$/);
  // ...and each item, in words, sorted by the points it could still add.
  const explanation = page.getByRole("table", { name: "Score items by points still to gain" });
  await expect(explanation.getByRole("rowheader").first()).toBeVisible();
  await expect(explanation).toContainText("DPA clause: No training on customer data");
  const gains = (await explanation.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((t) => (t.startsWith("+") ? Number(t.slice(1)) : 0));
  expect(gains.length).toBeGreaterThan(5);
  expect(gains).toEqual([...gains].sort((a, b) => b - a));
  await page.getByTestId("flag-fix-CONSUMER_TIER").getByRole("link").click();
  await expect(page).toHaveURL(/\/edit#fact-tier$/);
  await expect(page.locator("#fact-tier")).toBeVisible();
  // The vendor page lists each product's score and tier, with links to its sections.
  await page.goto("/products?q=ChatGPT");
  await page.getByRole("link", { name: "ChatGPT Free and Plus" }).click();
  await page.getByRole("link", { name: "← OpenAI" }).click();
  const scores = page.getByRole("table", { name: "Each product's live score and risk tier" });
  await expect(scores.getByRole("row", { name: /ChatGPT Free and Plus/ })).toContainText("Critical");
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "ChatGPT Free and Plus" }).click();
  await expect(page).toHaveURL(/#section-/);
  // A product with a submitted assessment has a score history with labelled axes and dates.
  await page.goto("/products?q=Azure");
  await page.getByRole("link", { name: "Azure OpenAI in Azure AI Foundry" }).click();
  const history = page.getByTestId("score-history-chart");
  await expect(history).toContainText("Date scored (UTC)");
  await expect(history).toContainText("Score");
  await expect(history.getByTestId("score-history-date").first()).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  // A question that could earn more opens the assessment on that question.
  const questionLink = page.getByRole("table", { name: "Score items by points still to gain" }).getByRole("link", { name: /^Open the question/ }).first();
  const href = (await questionLink.getAttribute("href"))!;
  const key = new URL(href, "http://x").searchParams.get("question")!;
  await questionLink.click();
  await expect(page).toHaveURL(/\/assessments\/[^/?]+\?question=/);
  await expect(page.locator(`[id="q-${key}"]`)).toBeVisible();
  await page.goto("/products?riskTier=CRITICAL");
  await expect(page.getByRole("link", { name: "ChatGPT Free and Plus" })).toBeVisible();
});
