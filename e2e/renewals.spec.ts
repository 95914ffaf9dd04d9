import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support/auth";
import { chooseOption } from "./support/combobox";
import { DEMO, DEMO_PASSWORD } from "./support/env";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a certificate expiring in 5 days appears on the renewals page, in the month calendar and in its owner's bell", async ({ browser }) => {
  const vendorName = `Renewal Vendor ${Date.now()}`;
  const dueOn = inDays(5);

  // The account manager registers a product whose ISO 27001 certificate expires in 5 days.
  const am = await (await browser.newContext()).newPage();
  await signInAndWait(am, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await am.goto("/vendors/new");
  await am.getByLabel("Name").fill(vendorName);
  await am.getByRole("button", { name: "Create vendor" }).click();
  await expect(am.getByRole("heading", { name: vendorName })).toBeVisible();
  await am.getByRole("link", { name: "Add product" }).click();
  await am.getByLabel("Product name").fill("Renewal Assistant");
  await am.getByRole("button", { name: "Create product" }).click();
  await expect(am.getByRole("heading", { name: "Renewal Assistant" })).toBeVisible();
  await am.getByRole("link", { name: "Add a certification" }).click();
  await am.getByRole("combobox", { name: "Certification" }).selectOption("ISO_27001");
  await am.getByLabel("Issuer (auditor)").fill("BSI");
  await am.getByLabel("Issued on").fill(inDays(-700));
  await am.getByLabel("Expires on").fill(dueOn);
  await am.getByLabel("Report or certificate").setInputFiles({ name: "iso.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(am.getByTestId("uploaded-file")).toContainText("iso.pdf");
  await am.getByRole("button", { name: "Save certification" }).click();
  await expect(am.getByRole("heading", { name: "Renewal Assistant" })).toBeVisible();

  // The renewals page lists it within 7 days, says what to do, and links to the record.
  await am.getByRole("link", { name: "Renewals", exact: true }).click();
  // Choosing a product applies the filter at once (no Apply button), like the other lists.
  await chooseOption(am, "Product", "Renewal Assistant", `${vendorName} — Renewal Assistant`);
  await expect(am).toHaveURL(/[?&]product=/);
  const week = am.getByTestId("renewal-bucket-DUE_7");
  const row = week.getByTestId("renewal-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(dueOn);
  await expect(row).toContainText("due in 5 days");
  await expect(row).toContainText("Certification expiry");
  await expect(row.getByTestId("renewal-product")).toHaveText(`${vendorName} — Renewal Assistant`);
  await expect(row).toContainText("Obtain the renewed report or certificate");
  await expect(am.getByTestId("renewal-bucket-OVERDUE").getByTestId("renewal-row")).toHaveCount(0);

  // The month calendar shows it on its day.
  await am.goto(`/renewals?view=calendar&month=${dueOn.slice(0, 7)}`);
  await expect(am.getByTestId(`calendar-day-${dueOn}`).getByRole("link", { name: /ISO.*27001.*expires/ })).toBeVisible();

  // An admin runs the day's reminders; the owner's bell rings once, however often it is pressed.
  const admin = await (await browser.newContext()).newPage();
  await signInAndWait(admin, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await admin.goto("/renewals");
  await admin.getByRole("button", { name: "Send due reminders now" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /reminders? (sent|were due)/ })).toBeVisible();
  await admin.getByRole("button", { name: "Send due reminders now" }).click();
  await expect(admin.getByRole("button", { name: "Send due reminders now" })).toBeEnabled();
  // Without SMTP the e-mail waits in the outbox, which the admin can read.
  await admin.goto("/settings/outbox");
  await expect(admin.getByTestId("outbox-row").filter({ hasText: `${vendorName} — Renewal Assistant` }).first()).toContainText("am@northbridge.example");

  await am.goto("/dashboard");
  const bell = am.getByTestId("notification-bell");
  await expect(am.getByTestId("notification-unread")).toBeVisible();
  await bell.click();
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const notification = am.getByTestId("notification-item").filter({ hasText: `${vendorName} — Renewal Assistant` });
  await expect(notification).toHaveCount(1);
  await expect(notification).toContainText("due in 5 days");
  // Escape closes the panel and gives focus back to the bell.
  await am.keyboard.press("Escape");
  await expect(bell).toHaveAttribute("aria-expanded", "false");
  await expect(bell).toBeFocused();
  // Following it opens the record and marks it read.
  await am.keyboard.press("Enter");
  await notification.getByRole("link").click();
  await expect(am).toHaveURL(/\/products\/[^/]+\/certifications\/[^/]+\/edit$/);
  await bell.click();
  await expect(am.getByTestId("notification-item").filter({ hasText: `${vendorName} — Renewal Assistant` }).getByRole("button", { name: /Mark read/ })).toHaveCount(0);
});

test("a calendar feed URL serves the owner's dates as ICS, and 404s once revoked", async ({ page, request }) => {
  await signInAndWait(page, DEMO.ACCOUNT_MANAGER, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/renewals/calendar-feed");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /Create feed URL|Replace feed URL/ }).click();
  const url = await page.getByLabel(/Your private feed URL/).inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const path = new URL(url).pathname;
  const feed = await request.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(feed.headers()["cache-control"]).toBe("no-store");
  const body = await feed.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("END:VCALENDAR");

  await page.getByRole("button", { name: "Revoke feed" }).click();
  await expect(page.getByTestId("calendar-feed-status")).toHaveText("You have no active calendar feed.");
  expect((await request.get(path)).status()).toBe(404);
  expect((await request.get("/api/calendar/not-a-real-token.ics")).status()).toBe(404);
});
