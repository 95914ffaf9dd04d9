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

test("the builder: a new draft, edit a question, add one with a show-when rule, preview it, publish", async ({ page }) => {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/settings/questionnaires");
  // Work on the template's draft: the one an earlier import left, or a new copy of the published version.
  const versions = page.locator('[data-testid^="version-AI vendor due diligence-"]');
  const existingDraft = versions.filter({ hasText: "draft" });
  if ((await existingDraft.count()) > 0) {
    await existingDraft.getByRole("link", { name: "Edit" }).click();
  } else {
    await versions.filter({ hasText: "published" }).getByRole("link", { name: "View" }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Start a new draft from this version" }).click();
  }
  await expect(page.getByRole("tab", { name: "Edit" })).toBeVisible();

  const first = page.getByTestId("builder-question-0-0");
  await first.getByLabel("Question", { exact: true }).fill("Is customer data ever used to train models?");
  const section = page.getByRole("region", { name: "Section 1" });
  await section.getByRole("button", { name: "Add question" }).click();
  const added = section.locator('[data-testid^="builder-question-0-"]').last();
  await added.getByLabel("Question", { exact: true }).fill("Which opt-out applies?");
  await added.getByLabel("Key", { exact: true }).fill("which_opt_out");
  await added.getByLabel("Type").selectOption("TEXT");
  await added.getByLabel("Show when (question_key=value)").fill("trains_on_customer_data=yes");
  await added.getByLabel("Show when (question_key=value)").blur();

  // A bad key is refused on the field.
  await added.getByLabel("Key", { exact: true }).fill("Bad Key!");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(added.getByText(/Use a key of lowercase letters/)).toBeVisible();
  await added.getByLabel("Key", { exact: true }).fill("which_opt_out");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toContainText("Draft saved");

  await page.getByRole("tab", { name: "Preview as the filler sees it" }).click();
  const preview = page.getByLabel("Preview");
  await expect(preview.getByText("Is customer data ever used to train models?")).toBeVisible();
  await expect(preview.getByText("Which opt-out applies?")).toHaveCount(0);
  await preview.getByRole("group", { name: /ever used to train models/ }).getByLabel("Yes").check();
  await expect(preview.getByText("Which opt-out applies?")).toBeVisible();

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page).toHaveURL(/\/settings\/questionnaires$/);
  await expect(page.locator('[data-testid^="version-AI vendor due diligence-"]').filter({ hasText: "published" })).toHaveCount(1);
});
