import { inject } from "vitest";

// Before any test file imports lib/db/client, point it at the migrated test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.VETTA_TEST_PG_URL = inject("adminUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-only";
