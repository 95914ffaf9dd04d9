/**
 * `npm run audit:verify`: walks every organisation's audit hash chain and names the first broken
 * link. Exits 1 when any chain is broken, so it can gate a backup or an audit export.
 */
import { withAppDatabase } from "./lib/app-database";

const broken = await withAppDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { verifyAuditChains } = await import("../lib/db/audit");
  const reports = await verifyAuditChains();
  let failures = 0;
  for (const r of reports) {
    if (r.broken) {
      failures += 1;
      console.log(`BROKEN  ${r.organizationName} (${r.organizationId}): ${r.events} events; first broken link is event #${r.broken.seq} (id ${r.broken.id}): ${r.broken.reason}`);
    } else {
      console.log(`ok      ${r.organizationName} (${r.organizationId}): ${r.events} events, chain intact`);
    }
  }
  if (reports.length === 0) console.log("No organisations yet: nothing to verify.");
  return failures;
});
process.exit(broken > 0 ? 1 : 0);
