import "server-only";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { formatAnchorLine, parseAnchorLine, type Anchor } from "@/lib/domain/audit-seal";

/**
 * SECURITY-CRITICAL. The anchor file: the audit chain's head per organisation, kept OUTSIDE the
 * database (default .data/audit-anchors.log, VETTA_AUDIT_ANCHOR_FILE to put it elsewhere, e.g. on
 * a different machine's mount or an append-only volume). The sealer appends one line per
 * organisation after every sealing pass that sealed something; each line is HMAC-signed with the
 * anchor key, so it cannot be forged without the key, and it records (organisation, chain seq,
 * chain mac). Someone who deletes the newest events and their seals from the database leaves a
 * chain that is shorter than an anchored head, or that disagrees with it: audit:verify reports it.
 * Lines are appended with O_APPEND (one write each), so concurrent sealers never interleave them.
 */
export async function appendAnchors(file: string, anchorKey: Buffer, anchors: Anchor[]): Promise<void> {
  if (anchors.length === 0) return;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, anchors.map((a) => formatAnchorLine(anchorKey, a)).join(""), { mode: 0o600, flag: "a" });
}

export interface AnchorFileContents {
  exists: boolean;
  /** Every valid anchor, in file order. */
  anchors: Anchor[];
  /** Lines that are not valid anchors (1-based line numbers): tampering, or another key. */
  invalid: Array<{ line: number; error: string }>;
}

export async function readAnchors(file: string, anchorKey: Buffer): Promise<AnchorFileContents> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { exists: false, anchors: [], invalid: [] };
    throw error;
  }
  const anchors: Anchor[] = [];
  const invalid: AnchorFileContents["invalid"] = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = parseAnchorLine(anchorKey, line);
    if ("anchor" in parsed) anchors.push(parsed.anchor);
    else invalid.push({ line: index + 1, error: parsed.error });
  });
  return { exists: true, anchors, invalid };
}
