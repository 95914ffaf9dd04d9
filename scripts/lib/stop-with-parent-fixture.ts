// Test fixture for stop-with-parent.test.ts: starts an embedded PostgreSQL in the directory given,
// arms the watcher, prints the postmaster's pid and waits to be killed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { stopClusterWithParent } from "./stop-with-parent";

const dir = process.argv[2]!;
await startEmbeddedPostgres({ dataDir: dir });
const pid = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
stopClusterWithParent(pid);
process.stdout.write(`${pid}\n`);
setInterval(() => {}, 1000);
