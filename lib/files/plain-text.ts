/**
 * SECURITY-CRITICAL. Whether uploaded bytes are plain text we are willing to call "TXT": valid
 * UTF-8 (a BOM is fine), no NUL bytes, and mostly printable. Binary files almost always fail one of
 * these, so a renamed executable or archive cannot pass as a text file. Pure: no Node imports.
 */

/**
 * Why the bytes are not plain text (null when they are): "binary" content, or text that would do
 * but is saved in a legacy encoding (mostly ASCII, not valid UTF-8), which the user can fix.
 */
export type PlainTextProblem = "binary" | "legacy-encoding";

const TAB = 0x09;
const LINE_FEED = 0x0a;
const FORM_FEED = 0x0c;
const CARRIAGE_RETURN = 0x0d;
const DELETE = 0x7f;

/** Real text has a stray control character now and then (an ESC from a terminal log); binary has many. */
function tooManyControls(count: number, length: number): boolean {
  return count > Math.max(2, length / 1000);
}

/** C0 controls other than layout whitespace, DEL, and C1 controls (U+0080–U+009F, encoded C2 80–C2 9F). */
function countControlCharacters(bytes: Uint8Array): number | "nul" {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return "nul";
    if (byte < 0x20 && byte !== TAB && byte !== LINE_FEED && byte !== FORM_FEED && byte !== CARRIAGE_RETURN) count++;
    else if (byte === DELETE) count++;
    else if (byte === 0xc2 && (bytes[i + 1] ?? 0) >= 0x80 && (bytes[i + 1] ?? 0) <= 0x9f) count++;
  }
  return count;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // fatal: true rejects every invalid sequence (overlong forms, lone surrogates, truncation).
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text in Windows-1252 or Latin-1 is mostly ASCII; random binary is about half high bytes. */
function mostlyAscii(bytes: Uint8Array): boolean {
  let high = 0;
  for (const byte of bytes) if (byte >= 0x80) high++;
  return high <= bytes.length / 4;
}

export function plainTextProblem(bytes: Uint8Array): PlainTextProblem | null {
  const controls = countControlCharacters(bytes);
  if (controls === "nul" || tooManyControls(controls, bytes.length)) return "binary";
  if (isValidUtf8(bytes)) return null;
  return mostlyAscii(bytes) ? "legacy-encoding" : "binary";
}
