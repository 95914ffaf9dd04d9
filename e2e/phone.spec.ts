import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";
import { expectNoPageSideScroll, generateProductReport, shareReport } from "./support/report-share";

/**
 * Issue 18: the main journeys at a phone's size (390×844): account managers check renewals on
 * the go, client CISOs open shared links on phones. Navigation is a drawer; nothing makes the page
 * itself scroll sideways.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("sign in, then the drawer: opens from Menu, traps focus, Escape returns focus, a link closes it", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await expectNoPageSideScroll(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();

  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const drawerId = await menu.getAttribute("aria-controls");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await expect(drawer).toBeVisible();
  expect(await drawer.getAttribute("id")).toBe(drawerId);
  // Focus moved in, and Tab never leaves the drawer (40 presses cover every item twice over).
  await expect(drawer.locator(":focus")).toHaveCount(1);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 7 === 6 ? "Shift+Tab" : "Tab");
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  // Sign out is reachable from the drawer.
  await expect(drawer.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await menu.click();
  await page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Renewals" }).click();
  await expect(page).toHaveURL(/\/renewals$/);
  await expect(page.getByRole("dialog", { name: "Menu" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Renewals", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Renewals · Vetta");
});

test("renewals: a filter applies as soon as it is chosen, and the lists scroll inside their own region", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/renewals");
  await expectNoPageSideScroll(page);
  await page.getByLabel("Kind").selectOption({ index: 1 });
  await expect(page).toHaveURL(/[?&]kind=/);
  await expectNoPageSideScroll(page);
  const region = page.locator("[role=region]:has(> table)").first();
  if ((await region.count()) > 0) {
    await expect(region).toHaveAttribute("tabindex", "0");
    await expect(region).toHaveAttribute("aria-label", /.+/);
  }
});

test("a product page: found from the list, titled by its name, no sideways page scroll", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Products" }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expectNoPageSideScroll(page);
  // The list scrolls sideways inside its own named, focusable region, never the page.
  const list = page.getByRole("region", { name: /products/i }).first();
  await expect(list).toHaveAttribute("tabindex", "0");
  await page.goto("/products?q=Claude%20API");
  await page.getByRole("link", { name: "Claude API", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Claude API", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Claude API · Products · Vetta");
  await expectNoPageSideScroll(page);
});

test("fill a questionnaire section on a phone: one column, answers saved", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/products?q=Claude%20Free");
  await page.getByRole("link", { name: "Claude Free, Pro and Max" }).click();
  await page.getByRole("button", { name: /^(Start assessment|Continue the draft assessment)$/ }).click();
  await expect(page.getByRole("heading", { name: "1. Training and use of data" })).toBeVisible();
  await expect(page).toHaveTitle("Assessment · Claude Free, Pro and Max · Products · Vetta");
  await page.getByRole("group", { name: /limited to the stated purpose/ }).getByLabel("No").check();
  await page.getByRole("group", { name: /shared with third parties/ }).getByLabel("No").check();
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved at/);
  await expectNoPageSideScroll(page);
  // One column: the section sits below the section list, not beside it.
  const sections = await page.getByRole("navigation", { name: "Sections" }).boundingBox();
  const first = await page.getByRole("heading", { name: "1. Training and use of data" }).boundingBox();
  expect(first!.y).toBeGreaterThan(sections!.y + sections!.height - 1);
  await page.reload();
  await expect(page.getByRole("group", { name: /shared with third parties/ }).getByLabel("No")).toBeChecked();
});

test("a shared link and the client's portal on a phone: readable, Sign out on screen", async ({ browser }) => {
  test.setTimeout(120_000);
  const { am } = await generateProductReport(browser);
  const sharePath = await shareReport(am, "Harbor Health Clinics");
  await am.context().close();

  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const visitor = await (await browser.newContext(phone)).newPage();
  expect((await visitor.goto(sharePath))?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { name: "Executive summary" })).toBeVisible();
  await expectNoPageSideScroll(visitor);
  // Wide report tables scroll inside their own focusable region.
  for (const region of await visitor.locator("[role=region]:has(> table)").all()) {
    await expect(region).toHaveAttribute("tabindex", "0");
  }

  const viewer = await (await browser.newContext(phone)).newPage();
  await signInAndWait(viewer, DEMO.CLIENT_VIEWER, DEMO_PASSWORD, /\/portal$/);
  await expectNoPageSideScroll(viewer);
  const signOut = viewer.getByRole("button", { name: "Sign out", exact: true });
  await expect(signOut).toBeInViewport();
  await viewer.getByRole("link", { name: /OpenAI API/ }).first().click();
  await expect(viewer.getByRole("heading", { name: "Executive summary" })).toBeVisible();
  await expect(viewer).toHaveTitle(/ · Shared reports · Vetta$/);
  await expectNoPageSideScroll(viewer);
  await signOut.click();
  await expect(viewer).toHaveURL(/\/sign-in/);
});

test("a click on a link shows the progress bar until the next page arrives", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  // Hold the next page back for a moment, as a slow network would.
  await page.route(/\/vendors(\?|$)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await expect(page.getByTestId("route-progress")).toHaveCount(0);
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Vendors" }).click();
  await expect(page.getByTestId("route-progress")).toBeAttached();
  await expect(page).toHaveURL(/\/vendors$/);
  await expect(page.getByRole("heading", { name: "Vendors", level: 1 })).toBeVisible();
  await expect(page.getByTestId("route-progress")).toHaveCount(0);
});
