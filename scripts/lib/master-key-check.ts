/**
 * Start-up guard for the master key (VETTA_FILE_MASTER_KEY). A missing .data/secrets.json used to
 * be replaced silently by new keys, and every evidence file then answered 409 and every two-step
 * secret failed. Now the key's check value is recorded in the database on first use and compared
 * on every start; a database from before the check is verified by unwrapping what it already holds.
 */
import { timingSafeEqual } from "node:crypto";
import pg from "pg";
import { masterKeyCheckValue, unwrapsWith } from "../../lib/files/envelope-encryption";

export class MasterKeyMismatchError extends Error {
  constructor(dataDir: string) {
    super(
      [
        "VETTA_FILE_MASTER_KEY does not match the key this database's evidence files and two-step secrets were sealed with.",
        "Starting with it would make every evidence file unreadable (409) and every two-step sign-in fail, so Vetta will not start.",
        "What to do:",
        `  - restore ${dataDir}/secrets.json from your backup (it holds VETTA_FILE_MASTER_KEY), or`,
        "  - set VETTA_FILE_MASTER_KEY in the environment to the key this database was first started with,",
        "  then start again. If secrets.json went missing, Vetta generated a new one: replace it with the backup.",
        "Never remove the check from the database to get past this: the files stay unreadable without the original key.",
      ].join("\n"),
    );
    this.name = "MasterKeyMismatchError";
  }
}

const SEALED_PREFIX = "v1:";

/** The wrapped keys of a few things already sealed: evidence files and two-step secrets. */
async function sealedSamples(client: pg.Client): Promise<string[]> {
  const files = await client.query<{ wrappedKey: string }>(`SELECT "wrappedKey" FROM "EvidenceFile" ORDER BY "createdAt" DESC LIMIT 3`);
  const secrets = await client.query<{ mfaSecret: string }>(`SELECT "mfaSecret" FROM "User" WHERE "mfaSecret" IS NOT NULL LIMIT 3`);
  const wrapped = files.rows.map((r) => r.wrappedKey);
  for (const { mfaSecret } of secrets.rows) {
    if (!mfaSecret.startsWith(SEALED_PREFIX)) continue;
    try {
      wrapped.push((JSON.parse(Buffer.from(mfaSecret.slice(SEALED_PREFIX.length), "base64").toString("utf8")) as { k: string }).k);
    } catch {
      // an unreadable row says nothing about the key
    }
  }
  return wrapped;
}

/** Returns what it found; throws MasterKeyMismatchError when the key is not the database's. */
export async function checkMasterKey(databaseUrl: string, masterKey: Buffer, dataDir = ".data"): Promise<"recorded" | "matches"> {
  const expected = Buffer.from(masterKeyCheckValue(masterKey), "hex");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const read = async () => (await client.query<{ checkValue: string }>(`SELECT "checkValue" FROM "MasterKeyCheck" WHERE "id" = 'master'`)).rows[0]?.checkValue;
    let stored = await read();
    if (!stored) {
      // First start with the check: anything sealed before it must open with this key.
      for (const wrapped of await sealedSamples(client)) if (!unwrapsWith(wrapped, masterKey)) throw new MasterKeyMismatchError(dataDir);
      const inserted = await client.query(`INSERT INTO "MasterKeyCheck" ("id", "checkValue") VALUES ('master', $1) ON CONFLICT ("id") DO NOTHING`, [expected.toString("hex")]);
      if (inserted.rowCount === 1) return "recorded";
      stored = await read(); // another instance recorded its key first: compare with that
    }
    const actual = Buffer.from(stored ?? "", "hex");
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new MasterKeyMismatchError(dataDir);
    return "matches";
  } finally {
    await client.end();
  }
}
