import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The e2e server's port: VETTA_E2E_PORT when set, else a port the OS says is free (another program
 * may hold any fixed one). The runner sets the variable on first evaluation, so its workers and the
 * web server it spawns inherit the same port.
 */
function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}
process.env.VETTA_E2E_PORT ??= String(freePort());
export const E2E_PORT = Number(process.env.VETTA_E2E_PORT);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve(".data/e2e");
export const DEMO_PASSWORD = "e2e demo password 2026";
/** The e2e server's VETTA_METRICS_TOKEN. */
export const METRICS_TOKEN = "e2e-metrics-token";

export const DEMO = {
  ADMIN: "admin@northbridge.example",
  ACCOUNT_MANAGER: "am@northbridge.example",
  COMPLIANCE_OFFICER: "compliance@northbridge.example",
  CLIENT_VIEWER: "viewer@harborhealth.example",
} as const;

/** Written by scripts/e2e-server.ts once the database is ready. */
export interface E2EState {
  /** The app role's URL (what the app uses). */
  databaseUrl: string;
  /** The superuser's URL of the same database: for tests that play a database administrator. */
  adminUrl: string;
  other: { strictStaffEmail: string; organizationId: string; adminEmail: string; adminUserId: string; throttledEmail: string; password: string; vendorId: string; productId: string; assessmentId: string; clientId: string; useCaseId: string };
}

export function e2eState(): E2EState {
  const file = path.join(E2E_DATA_DIR, "state.json");
  if (!existsSync(file)) throw new Error("e2e state missing: the e2e server did not start");
  return JSON.parse(readFileSync(file, "utf8")) as E2EState;
}
