/**
 * SECURITY-CRITICAL. Lists the entry names of a ZIP archive from its central directory, which is
 * all the upload check needs to tell a DOCX from an XLSX from any other ZIP. The input is
 * untrusted, so every read is bounds-checked and malformed input gives null: this never throws
 * (zip-entries.test.ts fuzzes it).
 * Pure: no Node or Next imports, so it can run anywhere.
 *
 * Layout read (APPNOTE 6.3.x): the end-of-central-directory record (EOCD, 22 bytes plus a comment
 * of up to 65,535 bytes) at the end of the file points at the central directory, a run of
 * 46-byte headers each followed by name, extra field and comment.
 */
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const floor = Math.max(0, last - MAX_COMMENT);
  let fallback = -1;
  for (let at = last; at >= floor; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const end = at + EOCD_SIZE + view.getUint16(at + 20, true);
    // A real EOCD's comment runs exactly to the end of the file; a lookalike inside data rarely does.
    // Some writers leave padding after it, so the last record whose comment fits is the fallback.
    if (end === view.byteLength) return at;
    if (end < view.byteLength && fallback < 0) fallback = at;
  }
  return fallback;
}

/** The archive's entry names in directory order, or null when the bytes are not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.byteLength < EOCD_SIZE) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryStart = view.getUint32(eocd + 16, true);
  const directoryEnd = directoryStart + directorySize;
  // ZIP64 archives mark these fields 0xFFFF/0xFFFFFFFF; they fail this check, and a 25 MB Office file never needs ZIP64.
  if (directoryEnd > eocd) return null;

  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let at = directoryStart;
  for (let n = 0; n < count; n++) {
    if (at + CENTRAL_HEADER_SIZE > directoryEnd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (next > directoryEnd) return null;
    names.push(decoder.decode(bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength)));
    at = next;
  }
  return names;
}
