import { expect, test, type Page } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

const scriptSrc = (csp: string | undefined) => csp?.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";

test("pages carry a nonce-based CSP without 'unsafe-inline' for scripts, and the app still works with no violations", async ({ page }) => {
  const violations = await watchCsp(page);
  const first = await page.goto("/sign-in");
  const second = await page.goto("/sign-in");
  const [a, b] = [scriptSrc(first?.headers()["content-security-policy"]), scriptSrc(second?.headers()["content-security-policy"])];
  expect(a).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
  expect(a).not.toContain("unsafe-inline");
  expect(a).not.toBe(b);
  // Plain http: no HSTS. The e2e server trusts its (pretend) TLS proxy, so X-Forwarded-Proto: https
  // stands for a request that reached the proxy over TLS: HSTS.
  expect(first?.headers()["strict-transport-security"]).toBeUndefined();
  expect((await page.request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } })).headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");

  // Client-side validation runs: React hydrated under the policy.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await expect(page).toHaveURL(/\/vendors/);
  await page.getByLabel("Search vendors and products").fill("Acme");
  await expect(page).toHaveURL(/q=Acme/);
  await page.goto("/vendors/new");
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.goto("/account/security");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the evidence download keeps its own sandbox policy; other API responses load nothing", async ({ page }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  const upload = await page.request.post("/api/files", { multipart: { file: { name: "statement.txt", mimeType: "text/plain", buffer: Buffer.from("Vendor statement.\n") } } });
  expect(upload.status()).toBe(201);
  const { file } = (await upload.json()) as { file: { id: string } };
  const download = await page.request.get(`/api/files/${file.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect((await page.request.get("/api/me")).headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});
