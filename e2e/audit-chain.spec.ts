import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAndWait } from "./support/auth";
import { DEMO, DEMO_PASSWORD, E2E_DATA_DIR, e2eState } from "./support/env";

/** `npm run audit:verify` as an operator runs it: the app role's URL, the data directory's key and anchors. */
function auditVerify(databaseUrl: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, VETTA_DATA_DIR: E2E_DATA_DIR, VETTA_AUDIT_KEY: "", VETTA_AUDIT_ANCHOR_FILE: "" },
      encoding: "utf8",
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, output: e.stdout };
  }
}

/** As a database administrator would: the superuser, with triggers and foreign keys off. */
async function asDba(adminUrl: string, run: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await run(client);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

test("the audit chain verifies after the suite, and names the break after a DBA rewrites or deletes events", async ({ page }) => {
  test.setTimeout(180_000);
  const { databaseUrl, adminUrl } = e2eState();

  // An admin sees the chain's state and verifies it from Settings → Audit trail.
  await signInAndWait(page, DEMO.ADMIN, DEMO_PASSWORD, /\/dashboard$/);
  await page.goto("/settings/audit");
  await expect(page.getByTestId("audit-state")).toContainText("least privilege");
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByTestId("audit-verification")).toContainText("chain intact");
  await expect(page.getByTestId("audit-state")).toContainText(/Last anchor\s*link #\d+, written/);

  const intact = auditVerify(databaseUrl);
  expect(intact.code, intact.output).toBe(0);
  expect(intact.output).toMatch(/ok\s+Northbridge IT \(demo\).*chain intact; last anchor #\d+/);
  expect(intact.output).not.toContain("BROKEN");

  // The app's own role can neither change an event nor switch the triggers off.
  const app = new pg.Client({ connectionString: databaseUrl });
  await app.connect();
  try {
    await expect(app.query(`UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
  } finally {
    await app.end();
  }

  // A DBA rewrites the event at chain link #3 of the demo organisation.
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ eventId: string }>(
    `SELECT s."eventId" FROM "AuditSeal" s JOIN "Organization" o ON o."id" = s."organizationId" WHERE o."slug" = 'northbridge-demo' AND s."seq" = 3`,
  );
  await admin.end();
  const target = rows[0]!.eventId;
  await asDba(adminUrl, async (c) => {
    await c.query(`UPDATE "AuditEvent" SET "summary" = '{"after":{"email":"someone-else@example.com"}}' WHERE "id" = $1`, [target]);
  });
  const rewritten = auditVerify(databaseUrl);
  expect(rewritten.code).toBe(1);
  expect(rewritten.output).toMatch(new RegExp(`BROKEN\\s+Northbridge IT \\(demo\\).*chain link #3 \\(event id ${target}\\)`));
  expect(rewritten.output).toMatch(/ok\s+Rival MSP/);
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByTestId("audit-verification")).toContainText(`Chain link #3 (event ${target})`);

  // A DBA deletes the other organisation's newest event and its seal: the anchor outside the database shows it.
  await asDba(adminUrl, async (c) => {
    const newest = await c.query<{ eventId: string; organizationId: string; seq: number }>(
      `SELECT s."eventId", s."organizationId", s."seq" FROM "AuditSeal" s JOIN "Organization" o ON o."id" = s."organizationId" WHERE o."name" LIKE 'Rival MSP%' ORDER BY s."seq" DESC LIMIT 1`,
    );
    const row = newest.rows[0]!;
    await c.query(`DELETE FROM "AuditSeal" WHERE "organizationId" = $1 AND "seq" = $2`, [row.organizationId, row.seq]);
    await c.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [row.eventId]);
  });
  const deleted = auditVerify(databaseUrl);
  expect(deleted.code).toBe(1);
  expect(deleted.output).toMatch(/BROKEN\s+Rival MSP.*sealed events were deleted/);
});
