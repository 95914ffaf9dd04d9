import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

/**
 * The charts draw with CSS variables and theme utilities (app/globals.css), so they turn over
 * with the system's dark mode: lines, axes and bars take the dark palette and keep at least 3:1
 * against the card they sit on (WCAG 1.4.11, graphics; axe checks text only).
 */

/** Contrast ratio of two computed CSS colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * The computed colour of each element's property as "rgb(r, g, b)". Tailwind's own palette
 * computes to oklch(), so a canvas converts it (inline: the page's CSP forbids eval).
 */
function colours(locator: Locator, property: "fill" | "stroke" | "backgroundColor"): Promise<string[]> {
  return locator.evaluateAll((elements, p) => {
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    return elements.map((el) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = getComputedStyle(el)[p as "fill"];
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return `rgb(${r}, ${g}, ${b})`;
    });
  }, property);
}

async function style(locator: Locator, property: "fill" | "stroke" | "backgroundColor"): Promise<string> {
  const [first] = await colours(locator.first(), property);
  if (!first) throw new Error(`nothing matches ${locator}`);
  return first;
}

async function barColours(page: Page): Promise<string[]> {
  return [...new Set(await colours(page.getByTestId("chart-products").getByRole("img").locator("[data-chart-part=bar]"), "fill"))];
}

test("the score history chart takes the dark palette when the system is dark", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/products?q=Azure");
  await page.getByRole("link", { name: "Azure OpenAI in Azure AI Foundry" }).click();
  const chart = page.getByTestId("score-history-chart");
  const line = chart.locator("[data-chart-part=line]");
  const tick = chart.locator("[data-chart-part=tick]").first();
  const axis = chart.locator("[data-chart-part=axis]");
  const card = chart.locator("xpath=ancestor::section[1]");
  const point = chart.locator("[data-chart-part=point]").first();
  // The demo's Azure product has a submitted assessment, so a history (one point may make a line of no length).
  await expect(point).toBeVisible();
  await expect(line).toBeAttached();

  await page.emulateMedia({ colorScheme: "light" });
  expect(await style(line, "stroke")).toBe("rgb(29, 95, 209)"); // brand-600
  expect(await style(point, "fill")).toBe("rgb(29, 95, 209)");
  expect(await style(tick, "fill")).toBe("rgb(49, 65, 88)"); // slate-700
  const lightCard = await style(card, "backgroundColor");

  await page.emulateMedia({ colorScheme: "dark" });
  expect(await style(line, "stroke")).toBe("rgb(110, 168, 255)"); // brand-600, dark
  expect(await style(point, "fill")).toBe("rgb(110, 168, 255)");
  expect(await style(tick, "fill")).toBe("rgb(226, 232, 240)"); // slate-700, dark
  const darkCard = await style(card, "backgroundColor");
  expect(darkCard).not.toBe(lightCard);
  expect(contrast(await style(line, "stroke"), darkCard)).toBeGreaterThanOrEqual(3);
  expect(contrast(await style(axis, "stroke"), darkCard)).toBeGreaterThanOrEqual(3);
  expect(contrast(await style(tick, "fill"), darkCard)).toBeGreaterThanOrEqual(4.5);
});

test("the home charts' bars and axes take the dark palette when the system is dark", async ({ page }) => {
  await signInAndWait(page, DEMO.COMPLIANCE_OFFICER, DEMO_PASSWORD, /\/dashboard$/);
  const figure = page.getByTestId("chart-products");
  await expect(figure.getByRole("img", { name: /^Products by risk tier and status: Low \d+/ })).toBeVisible();

  await page.emulateMedia({ colorScheme: "light" });
  const light = await barColours(page);
  expect(light.length).toBeGreaterThan(1);
  const lightCard = await style(figure, "backgroundColor");
  for (const colour of light) expect(contrast(colour, lightCard), colour).toBeGreaterThanOrEqual(3);

  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await barColours(page);
  const darkCard = await style(figure, "backgroundColor");
  expect(darkCard).toBe("rgb(15, 23, 43)");
  expect(dark).toHaveLength(light.length);
  // Every bar colour changed, and each stands out from the dark card.
  for (const colour of dark) {
    expect(light).not.toContain(colour);
    expect(contrast(colour, darkCard), colour).toBeGreaterThanOrEqual(3);
  }
  const tick = figure.getByRole("img").locator("[data-chart-part=tick]").first();
  expect(await style(tick, "fill")).toBe("rgb(226, 232, 240)");
  expect(contrast(await style(figure.getByRole("img").locator("[data-chart-part=axis]"), "stroke"), darkCard)).toBeGreaterThanOrEqual(3);
});
