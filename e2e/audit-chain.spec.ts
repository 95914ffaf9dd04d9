import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eState } from "./support/env";

function auditVerify(databaseUrl: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, output: e.stdout };
  }
}

test("the audit chain verifies after the suite, and names the first broken link after tampering", async () => {
  const { databaseUrl } = e2eState();
  const intact = auditVerify(databaseUrl);
  expect(intact.code, intact.output).toBe(0);
  expect(intact.output).toContain("Northbridge IT (demo)");
  expect(intact.output).not.toContain("BROKEN");

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The trigger refuses an ordinary UPDATE ...
    await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "seq" = 2`)).rejects.toThrow(/append-only/);
    // ... so tamper as the database owner, bypassing triggers.
    const target = await client.query<{ organizationId: string; id: string }>(
      `SELECT e."organizationId", e."id" FROM "AuditEvent" e JOIN "Organization" o ON o."id" = e."organizationId" WHERE o."slug" = 'northbridge-demo' AND e."seq" = 3`,
    );
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`UPDATE "AuditEvent" SET "summary" = '{"after":{"email":"someone-else@example.com"}}' WHERE "id" = $1`, [target.rows[0]!.id]);
    await client.query("COMMIT");

    const broken = auditVerify(databaseUrl);
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(new RegExp(`BROKEN\\s+Northbridge IT \\(demo\\).*event #3 \\(id ${target.rows[0]!.id}\\)`));
    // Other organisations' chains are unaffected.
    expect(broken.output).toMatch(/ok\s+Rival MSP/);
  } finally {
    await client.end();
  }
});
