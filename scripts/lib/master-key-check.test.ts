import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { encryptFile } from "../../lib/files/envelope-encryption";
import { checkMasterKey, MasterKeyMismatchError } from "./master-key-check";
import { applyMigrations } from "./schema-engine";
import { createTestDatabase, type TestDatabase } from "./test-database";

const key = () => randomBytes(32);
let dbs: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  dbs = [];
});

async function freshDatabase() {
  const db = await createTestDatabase("mkc");
  dbs.push(db);
  await applyMigrations(db.url);
  return db.url;
}

async function sql(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

describe("master key check at start-up", () => {
  it("records the key on first start, accepts it again, and refuses another key saying how to restore it", async () => {
    const url = await freshDatabase();
    const a = key();
    expect(await checkMasterKey(url, a, "/srv/vetta/.data")).toBe("recorded");
    expect(await checkMasterKey(url, a)).toBe("matches");
    const refused = checkMasterKey(url, key(), "/srv/vetta/.data");
    await expect(refused).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await expect(refused).rejects.toThrow(/restore \/srv\/vetta\/\.data\/secrets\.json from your backup/);
    await expect(refused).rejects.toThrow(/VETTA_FILE_MASTER_KEY/);
    // The stored value is an HMAC, never the key itself.
    const stored = (await sql(url, `SELECT "checkValue" FROM "MasterKeyCheck"`)).rows[0].checkValue as string;
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(a.toString("hex"));
  });

  it("a database from before the check: a key that does not open its sealed two-step secrets is refused and nothing is recorded", async () => {
    const url = await freshDatabase();
    const original = key();
    const sealed = encryptFile(Buffer.from("JBSWY3DPEHPK3PXP"), original);
    const mfaSecret = "v1:" + Buffer.from(JSON.stringify({ c: sealed.ciphertext.toString("base64"), k: sealed.wrappedKey, i: sealed.iv, t: sealed.authTag, h: sealed.sha256 })).toString("base64");
    await sql(url, `INSERT INTO "User" ("id", "email", "name", "passwordHash", "mfaSecret", "updatedAt") VALUES ('u1', 'a@b.example', 'A', 'x', $1, now())`, [mfaSecret]);
    await expect(checkMasterKey(url, key())).rejects.toBeInstanceOf(MasterKeyMismatchError);
    expect((await sql(url, `SELECT count(*)::int AS n FROM "MasterKeyCheck"`)).rows[0].n).toBe(0);
    expect(await checkMasterKey(url, original)).toBe("recorded");
  });

  it("40 instances starting at once with different keys: one key wins, every other is refused", async () => {
    const url = await freshDatabase();
    const keys = Array.from({ length: 40 }, key);
    const outcomes = await Promise.allSettled(keys.map((k) => checkMasterKey(url, k)));
    const recorded = outcomes.filter((o) => o.status === "fulfilled");
    expect(recorded).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof MasterKeyMismatchError)).toHaveLength(39);
    const winner = keys[outcomes.findIndex((o) => o.status === "fulfilled")]!;
    expect(await checkMasterKey(url, winner)).toBe("matches");
  });
});
