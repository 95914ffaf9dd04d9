import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifySignature } from "@/lib/domain/webhooks/signature";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD } from "./support/env";

test("an admin adds a webhook, sends a test event, and sees it delivered and signed", async ({ page }) => {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vetta`;
  try {
    await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
    await page.goto("/settings/webhooks");
    const form = page.getByRole("form", { name: "New webhook" });
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByText("Choose at least one event.")).toBeVisible();
    await form.getByLabel("Endpoint address").fill(url);
    await form.getByLabel(/A risk report was shared/).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("new-webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByTestId("webhook-row").filter({ hasText: url }).getByRole("link", { name: url }).click();
    await expect(page.getByRole("heading", { name: "Webhook", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    // The worker hands it to the queue within seconds; the log shows the answer.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("webhook-delivery").first()).toContainText("succeeded", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    // Other specs share reports in this organisation meanwhile (report.shared is subscribed too).
    const pings = received.filter((r) => r.headers["vetta-event"] === "ping");
    expect(pings).toHaveLength(1);
    const got = pings[0]!;
    expect(JSON.parse(got.body)).toMatchObject({ type: "ping" });
    expect(verifySignature(secret, got.body, got.headers["vetta-signature"] as string, Math.floor(Date.now() / 1000))).toEqual({ ok: true });
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByTestId("webhook-row").filter({ hasText: url })).toHaveCount(0);
  } finally {
    server.close();
  }
});
