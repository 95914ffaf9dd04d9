import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

test("an admin exports a template to JSON, imports it back as a draft that is the same template, and a bad file names the problem", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.getByRole("link", { name: "Questionnaires" }).click();
  const v1 = page.getByTestId("version-AI vendor due diligence-1");
  await expect(v1).toContainText("published");
  const exported = await (await page.request.get((await v1.getByRole("link", { name: "Export JSON" }).getAttribute("href"))!)).json();
  expect(exported.format).toBe("vetta.questionnaire/1");
  expect(exported.sections.length).toBeGreaterThanOrEqual(6);

  // A broken file: nothing imported, the place named.
  const broken = structuredClone(exported);
  broken.sections[1].questions[0].type = "ESSAY";
  await page.getByLabel("Template file (JSON or XLSX)").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByRole("button", { name: "Import as draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText("sections[1].questions[0].type");

  await page.getByLabel("Template file (JSON or XLSX)").setInputFiles({ name: "template.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
  await page.getByRole("button", { name: "Import as draft" }).click();
  await expect(page.getByRole("status")).toContainText("Imported as draft version 2");
  const v2 = page.getByTestId("version-AI vendor due diligence-2");
  await expect(v2).toContainText("draft");
  const again = await (await page.request.get((await v2.getByRole("link", { name: "Export JSON" }).getAttribute("href"))!)).json();
  expect(again).toEqual(exported);

  // Publishing the draft retires v1 (its assessments keep it).
  page.once("dialog", (d) => void d.accept());
  await v2.getByRole("button", { name: "Publish" }).click();
  await expect(v2).toContainText("published");
  await expect(v1).toContainText("retired");
});

test("the XLSX export imports back as the same template", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/settings/questionnaires");
  const v1 = page.getByTestId("version-AI vendor due diligence-1");
  const json = await (await page.request.get((await v1.getByRole("link", { name: "Export JSON" }).getAttribute("href"))!)).json();
  const xlsx = await page.request.get((await v1.getByRole("link", { name: "Export XLSX" }).getAttribute("href"))!);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  await page.getByLabel("Template file (JSON or XLSX)").setInputFiles({ name: "template.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await xlsx.body()) });
  await page.getByRole("button", { name: "Import as draft" }).click();
  await expect(page.getByRole("status")).toContainText(/Imported as draft version \d+/);
  const version = Number((await page.getByRole("status").textContent())!.match(/version (\d+)/)![1]);
  const draft = page.getByTestId(`version-AI vendor due diligence-${version}`);
  const back = await (await page.request.get((await draft.getByRole("link", { name: "Export JSON" }).getAttribute("href"))!)).json();
  expect(back).toEqual(json);
});

test("only admins manage questionnaires", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  expect((await page.goto("/settings/questionnaires"))?.status()).toBe(404);
});
