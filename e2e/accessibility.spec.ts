import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { textPdf } from "@/lib/testing/dpa-documents";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";
import { generateProductReport, shareReport } from "./support/report-share";

/**
 * Issue 18: axe-core on every page, as each role that sees it, at desktop (1280×800) and phone
 * (390×844) widths, in the light and the dark colour scheme, plus the states a page can be in
 * (a form showing errors, an empty list, an in-app 404, the bell and the phone drawer open, the
 * portal, a shared link). Zero serious or critical violations.
 *
 * "Every page" is found, not listed: from the role's navigation, the crawl follows the links on
 * each page to a depth of two and visits each route shape once (ids folded), so a new page is
 * checked without anyone remembering to add it here.
 */

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const SCHEMES = ["light", "dark"] as const;

/** "/products/cmf3…/edit" → "/products/:id/edit": one visit per route shape. */
function shapeOf(path: string) {
  return path
    .split("/")
    .map((segment) => (segment.length >= 16 && /\d/.test(segment) ? ":id" : segment))
    .join("/");
}

/** In-app pages worth visiting: not downloads, API routes or share links (checked on their own). */
function visitable(path: string) {
  return path.startsWith("/") && !/^\/(api|share|sign-in)\b/.test(path) && !/\.(pdf|csv|ics|xlsx)$|\/(pdf|csv|download|feed)$/.test(path);
}

async function violations(page: Page, state: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${state}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.locator("main a[href^='/'], nav a[href^='/']").evaluateAll((anchors) => anchors.filter((a) => !a.hasAttribute("download")).map((a) => a.getAttribute("href")!));
  return hrefs.map((h) => h.split("#")[0]!.split("?")[0]!).filter(visitable);
}

/** Visits the pages reachable from `start` (depth ≤ 2, one per route shape) and audits each. */
async function crawl(page: Page, start: string[], depth: number, label: string): Promise<{ problems: string[]; visited: string[] }> {
  const seen = new Set<string>();
  const problems: string[] = [];
  let frontier = start;
  for (let level = 0; level <= depth && frontier.length; level++) {
    const next: string[] = [];
    for (const path of frontier) {
      const shape = shapeOf(path);
      if (seen.has(shape)) continue;
      seen.add(shape);
      const response = await page.goto(path);
      expect(response?.status(), `${label} ${path}`).toBeLessThan(500);
      problems.push(...(await violations(page, `${label} ${path}`)));
      if (level < depth) next.push(...(await linksOn(page)));
    }
    frontier = next;
  }
  return { problems, visited: [...seen] };
}

/**
 * The newer pages the crawl cannot be sure to reach with something on them: a vendor request and
 * the vendor's own questionnaire (a mailed token), a DPA's review page (three links deep), and the
 * admin's API tokens and webhooks (empty unless another spec made one first). Made once per
 * worker, through the UI as a user would, so each state is audited with real content.
 */
interface NewerPages {
  vendorRequest: string;
  questionnaire: string;
  dpaReview: string;
  webhook: string;
}
let newerPages: Promise<NewerPages> | null = null;

async function makeNewerPages(browser: Browser): Promise<NewerPages> {
  const am = await signedIn(browser, DEMO.ACCOUNT_MANAGER, /\/dashboard$/, VIEWPORTS.desktop, "light");
  const stamp = Date.now().toString(36);
  await am.goto("/vendors/new");
  await am.getByLabel("Name").fill(`Axe Labs ${stamp}`);
  await am.getByRole("button", { name: "Create vendor" }).click();
  await am.getByRole("link", { name: "Add product" }).click();
  await am.getByLabel("Product name").fill(`Axe Assistant ${stamp}`);
  await am.getByRole("button", { name: "Create product" }).click();
  await expect(am.getByRole("heading", { name: `Axe Assistant ${stamp}` })).toBeVisible();
  const productUrl = am.url();

  // A DPA with its document, so the review page has text and (once the worker is done) proposals.
  const northwind = readFileSync(path.join(import.meta.dirname, "../lib/domain/dpa-analysis/fixtures/northwind-gdpr-long.md"), "utf8").replace(/^#+ /gm, "# ");
  await am.getByRole("link", { name: "Add a DPA" }).click();
  await am.getByLabel("Title").fill(`Axe DPA ${stamp}`);
  await am.getByLabel("Signed document").setInputFiles({ name: "axe-dpa.pdf", mimeType: "application/pdf", buffer: await textPdf(northwind) });
  await expect(am.getByTestId("uploaded-file")).toContainText("axe-dpa.pdf");
  await am.getByRole("button", { name: "Save DPA" }).click();
  await am.getByRole("region", { name: `Axe DPA ${stamp}` }).getByRole("link", { name: /Review/ }).click();
  await expect(am.getByTestId("proposal-BREACH_NOTIFICATION")).toContainText("Proposed", { timeout: 60_000 });
  const dpaReview = new URL(am.url()).pathname;

  await am.goto(productUrl);
  await am.getByRole("link", { name: "Ask the vendor" }).click();
  const form = am.getByRole("form", { name: "Send a questionnaire to the vendor" });
  await form.getByLabel("Contact name").fill("Ava Axe");
  await form.getByLabel("Contact email").fill(`ava-${stamp}@axe.example`);
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  const questionnaire = new URL(await am.getByLabel("Questionnaire link").inputValue()).pathname;
  await am.getByRole("link", { name: "Open the request" }).click();
  await expect(am).toHaveURL(/\/vendor-requests\/[^/]+$/);
  const vendorRequest = new URL(am.url()).pathname;
  await am.context().close();

  const admin = await signedIn(browser, DEMO.ADMIN, /\/dashboard$/, VIEWPORTS.desktop, "light");
  await admin.goto("/settings/api-tokens");
  const tokenForm = admin.getByRole("form", { name: "New API token" });
  await tokenForm.getByLabel("Name").fill(`Axe token ${stamp}`);
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  await expect(admin.getByTestId("new-api-token")).toBeVisible();
  await admin.goto("/settings/webhooks");
  const hookForm = admin.getByRole("form", { name: "New webhook" });
  const hookUrl = `https://hooks.axe.example/${stamp}`;
  await hookForm.getByLabel("Endpoint address").fill(hookUrl);
  await hookForm.getByLabel(/A risk report was shared/).check();
  await hookForm.getByRole("button", { name: "Add webhook" }).click();
  await expect(admin.getByTestId("new-webhook-secret")).toBeVisible();
  await admin.goto("/settings/webhooks");
  const webhook = (await admin.getByTestId("webhook-row").filter({ hasText: hookUrl }).getByRole("link", { name: hookUrl }).getAttribute("href"))!;
  await admin.context().close();
  return { vendorRequest, questionnaire, dpaReview, webhook };
}

async function signedIn(browser: Browser, email: string, home: RegExp, viewport: { width: number; height: number }, scheme: "light" | "dark") {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  await signInAndWait(page, email, DEMO_PASSWORD, home);
  return page;
}

for (const [width, viewport] of Object.entries(VIEWPORTS)) {
  for (const scheme of SCHEMES) {
    test.describe(`axe at ${width} width, ${scheme} scheme`, () => {
      test.describe.configure({ timeout: 600_000 });

      test("every page the administrator reaches, with a form showing errors, an empty list, an in-app 404 and the bell open", async ({ browser }) => {
        const page = await signedIn(browser, DEMO.ADMIN, /\/dashboard$/, viewport, scheme);
        const nav = await linksOn(page);
        const { problems, visited } = await crawl(page, ["/dashboard", ...nav, "/vendors/new"], 2, `admin ${width} ${scheme}`);
        expect(visited.length, `pages crawled: ${visited.join(", ")}`).toBeGreaterThan(20);

        await page.goto("/renewals?view=calendar");
        problems.push(...(await violations(page, "renewals calendar")));

        await page.goto("/vendors/new");
        await page.getByRole("button", { name: "Create vendor" }).click();
        await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
        problems.push(...(await violations(page, "vendor form with errors")));

        await page.goto("/vendors?q=zzzz-no-such-vendor");
        await expect(page.getByText("No results match these filters.")).toBeVisible();
        problems.push(...(await violations(page, "empty vendor list")));

        expect((await page.goto("/vendors/no-such-vendor-00000000"))?.status()).toBe(404);
        await expect(page.getByRole("main")).toHaveCount(1);
        problems.push(...(await violations(page, "in-app 404")));

        await page.goto("/dashboard");
        await page.getByTestId("notification-bell").click();
        await expect(page.getByRole("region", { name: "Notifications" })).toBeVisible();
        problems.push(...(await violations(page, "bell open")));

        if (width === "phone") {
          await page.getByRole("button", { name: "Menu", exact: true }).click();
          await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
          problems.push(...(await violations(page, "drawer open")));
        }
        expect(problems).toEqual([]);
      });

      test("the account manager's and the compliance officer's pages", async ({ browser }) => {
        const problems: string[] = [];
        for (const [role, email] of [["account manager", DEMO.ACCOUNT_MANAGER], ["compliance officer", DEMO.COMPLIANCE_OFFICER]] as const) {
          const page = await signedIn(browser, email, /\/dashboard$/, viewport, scheme);
          // Their own navigation, one level deep: the shapes the administrator's crawl covered look the same.
          problems.push(...(await crawl(page, ["/dashboard", ...(await linksOn(page))], 1, `${role} ${width} ${scheme}`)).problems);
          await page.context().close();
        }
        expect(problems).toEqual([]);
      });

      test("the newer pages with content: a vendor request, the DPA review, API tokens, webhooks, single sign-on and the vendor's questionnaire", async ({ browser }) => {
        newerPages ??= makeNewerPages(browser);
        const made = await newerPages;
        const problems: string[] = [];
        const admin = await signedIn(browser, DEMO.ADMIN, /\/dashboard$/, viewport, scheme);
        const states: Array<[string, string, (p: Page) => Promise<void>]> = [
          ["vendor request", made.vendorRequest, (p) => expect(p.getByRole("heading", { name: "Questionnaire for Ava Axe" })).toBeVisible()],
          ["DPA review", made.dpaReview, (p) => expect(p.getByTestId("proposal-BREACH_NOTIFICATION")).toBeVisible()],
          ["API tokens", "/settings/api-tokens", (p) => expect(p.getByTestId("api-token-row").first()).toBeVisible()],
          ["webhooks", "/settings/webhooks", (p) => expect(p.getByTestId("webhook-row").first()).toBeVisible()],
          ["webhook", made.webhook, (p) => expect(p.getByRole("heading", { name: "Webhook", exact: true })).toBeVisible()],
          ["single sign-on", "/settings/sso", (p) => expect(p.getByRole("heading", { name: "Single sign-on" })).toBeVisible()],
        ];
        for (const [state, path, ready] of states) {
          expect((await admin.goto(path))?.status(), `${state} ${path}`).toBe(200);
          await ready(admin);
          problems.push(...(await violations(admin, `${state} ${width} ${scheme}`)));
        }
        await admin.context().close();

        // The vendor, signed out, on the mailed link.
        const vendor = await (await browser.newContext({ viewport, colorScheme: scheme })).newPage();
        expect((await vendor.goto(made.questionnaire))?.status()).toBe(200);
        await expect(vendor.getByRole("heading").first()).toBeVisible();
        problems.push(...(await violations(vendor, `vendor questionnaire ${width} ${scheme}`)));
        await vendor.context().close();
        expect(problems).toEqual([]);
      });

      test("the client portal, a shared link and the pages anyone may open", async ({ browser }) => {
        const { am } = await generateProductReport(browser);
        const sharePath = await shareReport(am, "Harbor Health Clinics");
        await am.context().close();

        const viewer = await signedIn(browser, DEMO.CLIENT_VIEWER, /\/portal$/, viewport, scheme);
        const { problems } = await crawl(viewer, ["/portal", "/portal/security"], 1, `viewer ${width} ${scheme}`);
        expect((await viewer.goto("/portal/reports/no-such-report-0000000000"))?.status()).toBe(404);
        problems.push(...(await violations(viewer, "portal 404")));

        const visitor = await (await browser.newContext({ viewport, colorScheme: scheme })).newPage();
        for (const path of [sharePath, "/sign-in", "/verify", "/reset-password/not-a-live-token"]) {
          await visitor.goto(path);
          problems.push(...(await violations(visitor, `signed out ${path.startsWith("/share/") ? "/share/:token" : path}`)));
        }
        await visitor.goto("/no-such-page");
        await expect(visitor.getByRole("main")).toHaveCount(1);
        problems.push(...(await violations(visitor, "404")));

        await visitor.goto("/sign-in");
        await visitor.getByRole("button", { name: "Sign in" }).click();
        problems.push(...(await violations(visitor, "sign-in with errors")));
        expect(problems).toEqual([]);
      });
    });
  }
}
