/**
 * `npm run audit:verify`: seals any committed events the worker has not reached yet (as the app
 * role; `--no-seal` skips this), then walks every organisation's keyed audit chain and checks it
 * against the anchor file outside the database (lib/db/audit-sealer.ts). Names the first break
 * and exits 1 when any chain is broken, so it can gate a backup or an audit export.
 *
 * Needs the installation's audit key: VETTA_AUDIT_KEY, or .data/secrets.json (VETTA_DATA_DIR), and
 * the anchor file (VETTA_AUDIT_ANCHOR_FILE, default .data/audit-anchors.log).
 */
import path from "node:path";
import { withAppDatabase } from "./lib/app-database";
import { readSecret } from "./lib/secrets";

const dataDir = path.resolve(process.env.VETTA_DATA_DIR ?? ".data");
const key = await readSecret(dataDir, "VETTA_AUDIT_KEY");
if (!key) {
  console.error(`No audit key: set VETTA_AUDIT_KEY, or run where ${path.join(dataDir, "secrets.json")} is (VETTA_DATA_DIR).`);
  process.exit(2);
}
process.env.VETTA_AUDIT_KEY = key;
const seal = !process.argv.includes("--no-seal");

const broken = await withAppDatabase(async ({ app }) => {
  process.env.DATABASE_URL = app;
  const { sealAllOrganizations, verifyAuditChains } = await import("../lib/db/audit");
  if (seal) {
    const { sealed } = await sealAllOrganizations();
    if (sealed > 0) console.log(`Sealed ${sealed} event(s) the worker had not reached yet.`);
  }
  const { organizations, anchorFile } = await verifyAuditChains();
  let failures = 0;
  if (!anchorFile.exists) console.log(`note    no anchor file at ${anchorFile.path}`);
  for (const line of anchorFile.invalid) {
    failures += 1;
    console.log(`BROKEN  anchor file ${anchorFile.path} line ${line.line}: ${line.error}`);
  }
  for (const r of organizations) {
    const counts = `${r.events} events, ${r.sealed} sealed, ${r.pending} not yet sealed`;
    if (r.broken) {
      failures += 1;
      const id = r.broken.eventId ? ` (event id ${r.broken.eventId})` : "";
      console.log(`BROKEN  ${r.organizationName} (${r.organizationId}): ${counts}; first break at chain link #${r.broken.seq}${id}: ${r.broken.reason}`);
    } else {
      const anchor = r.lastAnchor ? `; last anchor #${r.lastAnchor.seq} at ${r.lastAnchor.at}` : "";
      console.log(`ok      ${r.organizationName} (${r.organizationId}): ${counts}, chain intact${anchor}`);
    }
  }
  if (organizations.length === 0) console.log("No organisations yet: nothing to verify.");
  return failures;
});
process.exit(broken > 0 ? 1 : 0);
