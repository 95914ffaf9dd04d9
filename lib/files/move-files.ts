import "server-only";
/**
 * Copies every evidence file from the local disk to another storage (the S3 bucket), for
 * `npm run files:to-s3`. Bytes are copied as they are (ciphertext: nothing is decrypted), so the
 * database rows stay valid unchanged. Safe to run again and again: a file already in the target
 * with the same SHA-256 is not sent again. A local file is removed only with deleteLocal, and only
 * after the target's copy was read back and its SHA-256 matched.
 */
import { createHash } from "node:crypto";
import type { EvidenceStorage, LocalDiskStorage } from "./storage";

export interface MoveReport {
  copied: number;
  alreadyThere: number;
  deletedLocally: number;
  failed: { key: string; error: string }[];
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function targetChecksum(target: EvidenceStorage, key: string): Promise<string | null> {
  try {
    return sha256(await target.get(key));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

export async function moveLocalFiles(source: LocalDiskStorage, target: EvidenceStorage, options: { deleteLocal: boolean; onFile?: (key: string, outcome: string) => void }): Promise<MoveReport> {
  const report: MoveReport = { copied: 0, alreadyThere: 0, deletedLocally: 0, failed: [] };
  for await (const key of source.keys()) {
    try {
      const bytes = await source.get(key);
      const expected = sha256(bytes);
      let outcome: string;
      if ((await targetChecksum(target, key)) === expected) {
        report.alreadyThere += 1;
        outcome = "already there";
      } else {
        await target.put(key, bytes);
        // Read back, not trusted: only a verified copy lets the local file go.
        const written = await targetChecksum(target, key);
        if (written !== expected) throw new Error(`the copy's checksum is ${written ?? "missing"}, expected ${expected}`);
        report.copied += 1;
        outcome = "copied";
      }
      if (options.deleteLocal) {
        await source.delete(key);
        report.deletedLocally += 1;
        outcome += ", local copy deleted";
      }
      options.onFile?.(key, outcome);
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      report.failed.push({ key, error: message });
      options.onFile?.(key, `FAILED: ${message}`);
    }
  }
  return report;
}
