/**
 * `npm run build`: the production build, with the sources' fingerprint recorded beside it, so
 * `npm start` afterwards serves it without building again.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./lib/build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureBuild(root, { force: true }).then(
  () => console.log("[vetta] build ready; npm start will use it"),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
