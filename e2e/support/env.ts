import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const E2E_PORT = Number(process.env.VETTA_E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve(".data/e2e");
export const DEMO_PASSWORD = "e2e demo password 2026";

export const DEMO = {
  ADMIN: "admin@northbridge.example",
  ACCOUNT_MANAGER: "am@northbridge.example",
  COMPLIANCE_OFFICER: "compliance@northbridge.example",
  CLIENT_VIEWER: "viewer@harborhealth.example",
} as const;

/** Written by scripts/e2e-server.ts once the database is ready. */
export interface E2EState {
  databaseUrl: string;
  other: { strictStaffEmail: string; organizationId: string; adminEmail: string; adminUserId: string; throttledEmail: string; password: string; vendorId: string; productId: string; assessmentId: string; clientId: string; useCaseId: string };
}

export function e2eState(): E2EState {
  const file = path.join(E2E_DATA_DIR, "state.json");
  if (!existsSync(file)) throw new Error("e2e state missing: the e2e server did not start");
  return JSON.parse(readFileSync(file, "utf8")) as E2EState;
}
