import { expect, type Browser, type Page } from "@playwright/test";
import { signInAndWait } from "./auth";
import { chooseOption } from "./combobox";
import { DEMO, DEMO_PASSWORD } from "./env";

/** The account manager generates a product report of the demo's OpenAI API; lands on its page. */
export async function generateProductReport(browser: Browser) {
  const am = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await am.goto("/products?q=OpenAI%20API");
  await am.getByRole("link", { name: "OpenAI API", exact: true }).click();
  await am.getByRole("button", { name: "Generate product report" }).click();
  await expect(am).toHaveURL(/\/reports\/r[0-9a-f]{24}$/);
  return { am, reportId: am.url().split("/").pop()! };
}

/** Shares the open report with a client through the share form; returns the link's path. */
export async function shareReport(am: Page, client: string) {
  const form = am.getByRole("form", { name: "Share with a client" });
  // The client picker searches as you type (issue 17).
  await chooseOption(form, "Client", client.split(" ")[0]!, client);
  const shown = am.getByLabel(/Share link, valid until/);
  const before = (await shown.count()) ? await shown.inputValue() : "";
  await form.getByRole("button", { name: "Create share link" }).click();
  await expect(shown).not.toHaveValue(before);
  return new URL(await shown.inputValue()).pathname;
}

/** The page's own width never exceeds the viewport: anything wide scrolls inside its own region. */
export async function expectNoPageSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);
}
