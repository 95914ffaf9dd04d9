import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

// Before any test file imports lib/db/client, point it at the migrated test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.VETTA_TEST_PG_URL = inject("adminUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-only";
// Evidence files and two-step secrets are sealed with the master key.
process.env.VETTA_FILE_MASTER_KEY ??= randomBytes(32).toString("base64");
// The audit chain's key, and an anchor file of this test process's own (each file works in its
// own organisation, so its anchors are its own).
process.env.VETTA_AUDIT_KEY ??= randomBytes(32).toString("base64");
process.env.VETTA_AUDIT_ANCHOR_FILE ??= path.join(tmpdir(), `vetta-it-anchors-${process.pid}-${randomBytes(4).toString("hex")}.log`);
