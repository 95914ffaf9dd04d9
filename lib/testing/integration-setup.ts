import { randomBytes } from "node:crypto";
import { inject } from "vitest";

// Before any test file imports lib/db/client, point it at the migrated test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.VETTA_TEST_PG_URL = inject("adminUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-only";
// Evidence files and two-step secrets are sealed with the master key.
process.env.VETTA_FILE_MASTER_KEY ??= randomBytes(32).toString("base64");
