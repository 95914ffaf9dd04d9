import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAndWait } from "./support/auth";
import { e2eState } from "./support/env";
import { freshAccount } from "./support/fresh-account";

/**
 * Issue 18: the approval matrix's filters choose clients across every page, not among the 20 on
 * the page shown. 25 clients (own name prefix, in the second organisation, written straight to
 * the database); only the 23rd, on page 2 unfiltered, has a rejected use case.
 */
test("a status filter finds a matching client that is not on page 1", async ({ page }) => {
  const { databaseUrl, other } = e2eState();
  const tag = `Mx${randomBytes(3).toString("hex")}`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`INSERT INTO "Client" (id, "organizationId", name, "updatedAt") SELECT $2 || '-c' || i, $1, $2 || ' client ' || lpad(i::text, 2, '0'), now() FROM generate_series(1, 25) AS i`, [other.organizationId, tag]);
    await db.query(`INSERT INTO "Vendor" (id, "organizationId", name, "updatedAt") VALUES ($2 || '-v', $1, $2 || ' vendor', now())`, [other.organizationId, tag]);
    await db.query(
      `INSERT INTO "Product" (id, "organizationId", "vendorId", name, tier, "deploymentModel", "processingRegions", "updatedAt")
       VALUES ($2 || '-p', $1, $2 || '-v', $2 || ' model', 'BUSINESS', 'CLOUD_API', '{EU}', now())`,
      [other.organizationId, tag],
    );
    await db.query(
      `INSERT INTO "UseCase" (id, "organizationId", "clientId", "productId", purpose, status, "currentTier", "updatedAt")
       SELECT $2 || '-u' || i, $1, $2 || '-c' || i, $2 || '-p', 'Drafting', CASE WHEN i = 23 THEN 'REJECTED' ELSE 'PROPOSED' END::"UseCaseStatus", 'LOW', now()
       FROM generate_series(1, 25) AS i`,
      [other.organizationId, tag],
    );
  } finally {
    await db.end();
  }
  const password = "matrix filter password 2026";
  await signInAndWait(page, await freshAccount(password, "matrix"), password, /\/dashboard$/);
  await page.goto(`/approvals?q=${tag}`);
  const matrix = page.getByRole("region", { name: "Approval matrix" });
  await expect(matrix.getByRole("link", { name: `${tag} client 01` })).toBeVisible();
  await expect(matrix.getByRole("link", { name: `${tag} client 23` })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Matrix pages" })).toContainText("Page 1 of 2 (25 clients)");

  await page.getByLabel("Status").selectOption("REJECTED");
  await expect(page).toHaveURL(/[?&]status=REJECTED/);
  await expect(matrix.getByRole("link", { name: `${tag} client 23` })).toBeVisible();
  await expect(matrix.locator("tbody tr")).toHaveCount(1);
  await expect(matrix.locator("tbody li")).toContainText("Rejected");
  // One matching client: one page, so no page links.
  await expect(page.getByRole("navigation", { name: "Matrix pages" })).toHaveCount(0);
});
