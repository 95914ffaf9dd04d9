import { expect, test, type Page } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

/**
 * Signs in as the admin and opens the default template's draft in the builder: the one an earlier
 * import or builder test left, or a new copy of the published version.
 */
async function openDefaultTemplateDraft(page: Page) {
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/settings/questionnaires");
  const versions = page.locator('[data-testid^="version-AI vendor due diligence-"]');
  const existingDraft = versions.filter({ hasText: "draft" });
  if ((await existingDraft.count()) > 0) {
    await existingDraft.getByRole("link", { name: "Edit" }).click();
  } else {
    await versions.filter({ hasText: "published" }).getByRole("link", { name: "View" }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Start a new draft from this version" }).click();
  }
}

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
  await openDefaultTemplateDraft(page);
  await expect(page.getByRole("tab", { name: "Edit" })).toBeVisible();

  const first = page.getByTestId("builder-question-0-0");
  await first.getByLabel("Question", { exact: true }).fill("Is customer data ever used to train models?");
  const section = page.getByRole("region", { name: "Section 1" });
  await section.getByRole("button", { name: "Add question" }).click();
  const added = section.locator('[data-testid^="builder-question-0-"]').last();
  await added.getByLabel("Question", { exact: true }).fill("Which opt-out applies?");
  await added.getByLabel("Key", { exact: true }).fill("which_opt_out");
  await added.getByLabel("Type").selectOption("TEXT");
  // The rule picker lists the earlier questions, then the chosen one's answers.
  await added.getByLabel("Earlier question").selectOption("trains_on_customer_data");
  await added.getByLabel("has the answer").selectOption("yes");

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

test("the builder by keyboard alone: a choice question with option rows and points, a later question shown by a rule on it, reordered with the move buttons", async ({ page }) => {
  // Typing key by key into a 38-question builder on a shared 2-core machine takes most of a minute.
  test.setTimeout(120_000);
  await openDefaultTemplateDraft(page);
  await expect(page.getByRole("tab", { name: "Edit" })).toBeVisible();
  const section = page.getByRole("region", { name: "Section 1" });
  const questions = section.locator('[data-testid^="builder-question-0-"]');
  const before = await questions.count();
  const kb = page.keyboard;

  // A single-choice question: typed into each field, the type chosen with the keyboard.
  await section.getByRole("button", { name: "Add question" }).focus();
  await kb.press("Enter");
  await expect(questions).toHaveCount(before + 1);
  const choice = questions.nth(before);
  await choice.getByLabel("Question", { exact: true }).focus();
  await kb.type("Where is the data processed?");
  await kb.press("Tab");
  await expect(choice.getByLabel("Type")).toBeFocused();
  await kb.press("s"); // Single choice
  await expect(choice.getByLabel("Type")).toHaveValue("SINGLE_CHOICE");
  await kb.press("Tab");
  await kb.press("Control+A");
  await kb.type("data_location");
  // Two option rows to start with; fill them and add a third.
  await choice.getByLabel("Option 1 label").focus();
  await kb.type("EU only");
  await kb.press("Tab");
  await kb.press("Control+A");
  await kb.type("100");
  await choice.getByLabel("Option 2 label").focus();
  await kb.type("Anywhere");
  await choice.getByRole("button", { name: "Add option" }).focus();
  await kb.press("Enter");
  await choice.getByLabel("Option 3 value").focus();
  await kb.press("Control+A");
  await kb.type("us_only");
  await kb.press("Tab");
  await kb.type("US only");
  await kb.press("Tab");
  await kb.press("Control+A");
  await kb.type("50");
  // Remove the second option again, then put it back.
  await choice.getByRole("button", { name: "Remove option 2" }).focus();
  await kb.press("Enter");
  await expect(choice.locator('[data-testid^="option-row-"]')).toHaveCount(2);
  await choice.getByRole("button", { name: "Add option" }).focus();
  await kb.press("Enter");
  await choice.getByLabel("Option 3 value").focus();
  await kb.press("Control+A");
  await kb.type("anywhere");
  await kb.press("Tab");
  await kb.type("Anywhere");

  // A text question shown only when the first is answered "EU only": the rule picker by keyboard.
  await section.getByRole("button", { name: "Add question" }).focus();
  await kb.press("Enter");
  const follow = questions.nth(before + 1);
  await follow.getByLabel("Question", { exact: true }).focus();
  await kb.type("Which EU member states?");
  await kb.press("Tab");
  await kb.press("t"); // Text
  await expect(follow.getByLabel("Type")).toHaveValue("TEXT");
  await kb.press("Tab");
  await kb.press("Control+A");
  await kb.type("eu_member_states");
  await follow.getByLabel("Earlier question").focus();
  await kb.press("End"); // the question just before: data_location
  await expect(follow.getByLabel("Earlier question")).toHaveValue("data_location");
  await follow.getByLabel("has the answer").focus();
  await kb.press("Home"); // EU only
  await expect(follow.getByLabel("has the answer")).toHaveValue("option_1");
  await expect(follow.getByLabel("has the answer").locator("option")).toHaveText(["EU only", "US only", "Anywhere"]);
  await follow.getByLabel("Linked product fact").focus();
  await kb.press("p"); // Processing regions
  await expect(follow.getByLabel("Linked product fact")).toHaveValue("processingRegions");

  // Move the follow-up up above its rule's question and back: the server refuses a rule on a later question.
  await follow.getByRole("button", { name: `Move question ${before + 2} up` }).focus();
  await kb.press("Enter");
  await expect(questions.nth(before).getByLabel("Key", { exact: true })).toHaveValue("eu_member_states");
  await page.getByRole("button", { name: "Save draft" }).focus();
  await kb.press("Enter");
  await expect(questions.nth(before).getByText(/Show-when must refer to an earlier question/)).toBeVisible();
  await questions.nth(before).getByRole("button", { name: `Move question ${before + 1} down` }).focus();
  await kb.press("Enter");
  await expect(questions.nth(before + 1).getByLabel("Key", { exact: true })).toHaveValue("eu_member_states");
  await page.getByRole("button", { name: "Save draft" }).focus();
  await kb.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();

  // Saved as typed: the export has the option rows with their points and the rule.
  await page.goto("/settings/questionnaires");
  const draft = page.locator('[data-testid^="version-AI vendor due diligence-"]').filter({ hasText: "draft" });
  const exported = await (await page.request.get((await draft.getByRole("link", { name: "Export JSON" }).getAttribute("href"))!)).json();
  const all = exported.sections.flatMap((s: { questions: unknown[] }) => s.questions) as Array<{ key: string; options: unknown; visibility: unknown; productFact: unknown; type: string }>;
  expect(all.find((q) => q.key === "data_location")).toMatchObject({
    type: "SINGLE_CHOICE",
    options: [
      { value: "option_1", label: "EU only", points: 100 },
      { value: "us_only", label: "US only", points: 50 },
      { value: "anywhere", label: "Anywhere", points: 0 },
    ],
  });
  expect(all.find((q) => q.key === "eu_member_states")).toMatchObject({ type: "TEXT", visibility: { questionKey: "data_location", equals: "option_1" }, productFact: "processingRegions" });
});

test("the builder: a question is reordered by dragging its handle", async ({ page }) => {
  await openDefaultTemplateDraft(page);
  const section = page.getByRole("region", { name: "Section 1" });
  const questions = section.locator('[data-testid^="builder-question-0-"]');
  const keys = async () => Promise.all((await questions.all()).map((q) => q.getByLabel("Key", { exact: true }).inputValue()));
  await expect(page.getByRole("tab", { name: "Edit" })).toBeVisible();
  await expect.poll(async () => (await keys()).length).toBeGreaterThan(2);
  const before = await keys();
  const swapped = [before[1], before[0], ...before.slice(2)];
  // Retried only until the page has hydrated (a drag before then moves nothing); never twice once moved.
  await expect(async () => {
    if ((await keys())[0] !== swapped[0]) await questions.nth(1).getByTestId("drag-handle").dragTo(questions.nth(0));
    expect(await keys()).toEqual(swapped);
  }).toPass({ timeout: 20_000 });
});
