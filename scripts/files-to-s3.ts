/**
 * `npm run files:to-s3 [-- --delete]`: copies every evidence file from the local disk
 * (VETTA_DATA_DIR/files) to the S3 bucket in VETTA_S3_* (lib/files/move-files.ts). Idempotent: run
 * it again after a failure or while uploads still land on disk. Local files stay unless --delete,
 * and --delete removes a file only after its copy in the bucket was read back with the same
 * SHA-256. The bytes are already encrypted; nothing is decrypted and the database is not touched.
 *
 * Order for switching a running installation: run it, set VETTA_STORAGE=s3 and restart, run it
 * again (catches uploads made in between), then once more with --delete.
 */
import path from "node:path";
import { environment, storageSettings } from "../lib/config/server-env";
import { moveLocalFiles } from "../lib/files/move-files";
import { S3Storage } from "../lib/files/s3-storage";
import { LocalDiskStorage } from "../lib/files/storage";

const deleteLocal = process.argv.includes("--delete");
const env = environment();
// The S3 settings are read even while VETTA_STORAGE is still "local": files move before the switch.
const settings = storageSettings({ ...env, VETTA_STORAGE: "s3" });
if (settings.kind !== "s3") throw new Error("unreachable: settings were asked for s3");
const directory = path.resolve(env.VETTA_DATA_DIR ?? ".data", "files");
const target = new S3Storage(settings);
console.log(`Moving evidence files from ${directory} to bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ""}${deleteLocal ? " (deleting verified local copies)" : " (keeping local copies; --delete removes them)"}.`);
try {
  const report = await moveLocalFiles(new LocalDiskStorage(directory), target, { deleteLocal, onFile: (key, outcome) => console.log(`${key}  ${outcome}`) });
  console.log(`Done: ${report.copied} copied, ${report.alreadyThere} already in the bucket, ${report.deletedLocally} local copies deleted, ${report.failed.length} failed.`);
  if (report.failed.length > 0) {
    console.error("Some files were not moved (their local copies are kept); run the command again once the cause is fixed.");
    process.exitCode = 1;
  }
} finally {
  target.close();
}
