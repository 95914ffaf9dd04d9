import { expect, type Page } from "@playwright/test";

/** Answers every required question of every section with a conservative answer. */
export async function answerEverything(page: Page) {
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
  // Server actions from one page run one at a time: on a loaded machine the last of ~35 saves can
  // be answered well after the default 10 s.
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/, { timeout: 30_000 });
}
