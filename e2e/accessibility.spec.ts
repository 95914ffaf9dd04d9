import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
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
