import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { E2E_DATA_DIR, e2eState } from "./support/env";

/** Issue 17: no page ships the register as <option>s; no page over ~200 kB of HTML at any register size. */
const MAX_HTML_BYTES = 200_000;

function seedBigRegister() {
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  const out = execFileSync(process.execPath, [tsx, "--conditions=react-server", "e2e/support/seed-big-register.ts"], {
    env: { ...process.env, DATABASE_URL: e2eState().databaseUrl, VETTA_DATA_DIR: E2E_DATA_DIR },
    encoding: "utf8",
    timeout: 120_000,
  });
  return JSON.parse(out) as { email: string; password: string; clientId: string; productId: string; vendorId: string };
}

test("with 2,000 products pages stay small, and a use case's product is chosen by typing, with the keyboard alone", async ({ page }) => {
  test.setTimeout(180_000);
  const bulk = seedBigRegister();
  await signInAndWait(page, bulk.email, bulk.password, /\/dashboard$/);

  // Every page that used to list the register as options: small, and without the register in it.
  for (const url of [`/clients/${bulk.clientId}`, "/renewals", `/renewals?product=${bulk.productId}&client=${bulk.clientId}`, "/products/new", `/products/new?vendorId=${bulk.vendorId}`, `/products/${bulk.productId}/edit`]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    expect(Buffer.byteLength(html), url).toBeLessThan(MAX_HTML_BYTES);
    // A product nobody chose is nowhere in the page (the first one sorts first in any list).
    expect(html, url).not.toContain("Bulk model 0000");
  }

  // An edit page shows the chosen vendor's name without loading the list.
  await page.goto(`/products/${bulk.productId}/edit`);
  await expect(page.getByRole("combobox", { name: "Vendor" })).toHaveValue("Bulk vendor 499");

  await page.goto(`/clients/${bulk.clientId}`);
  const form = page.getByRole("form", { name: "New use case" });
  const combo = form.getByRole("combobox", { name: "Product" });
  const status = form.getByTestId("combobox-announcement");
  await expect(status).toHaveAttribute("aria-live", "polite");
  await combo.focus();
  await page.keyboard.type("no such model");
  await expect(combo).toHaveAttribute("aria-expanded", "true");
  await expect(status).toHaveText("No matches.");
  await expect(form.getByTestId("combobox-hint")).toHaveText("No matches.");

  await page.keyboard.press("Escape");
  await expect(combo).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Escape"); // closed: clears the text
  await expect(combo).toHaveValue("");

  await page.keyboard.type("model 123");
  // model 1230 … model 1239, announced politely.
  await expect(status).toHaveText(/^10 options\./);
  const options = form.getByRole("listbox", { name: "Product" }).getByRole("option");
  await expect(options).toHaveCount(10);
  await page.keyboard.press("ArrowDown");
  const active = async () => form.locator(`[id="${await combo.getAttribute("aria-activedescendant")}"]`);
  await expect(await active()).toHaveText("Bulk vendor 307 — Bulk model 1230");
  await page.keyboard.press("End");
  await expect(await active()).toHaveText("Bulk vendor 309 — Bulk model 1239");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(await active()).toHaveText("Bulk vendor 308 — Bulk model 1232");
  await expect(await active()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(combo).toHaveAttribute("aria-expanded", "false");
  await expect(combo).toHaveValue("Bulk vendor 308 — Bulk model 1232");
  await expect(combo).not.toHaveAttribute("aria-activedescendant");

  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Purpose")).toBeFocused();
  await page.keyboard.type("Drafting replies to tenders");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Bulk vendor 308 — Bulk model 1232" })).toBeVisible();
});
