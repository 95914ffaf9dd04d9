/**
 * SECURITY-CRITICAL. Two-step verification codes: TOTP (RFC 6238: SHA-1, 6 digits, 30-second
 * steps, the step before and after accepted for clock drift) and single-use recovery codes.
 *
 * A TOTP code is accepted only for a step later than the last one used, so a code seen over a
 * shoulder or replayed from a log cannot be used again. Recovery codes carry 60 random bits and
 * are stored as SHA-256 hashes (their entropy, not a slow hash, is what protects them).
 */
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const totp = (secretBase32: string, label = "", issuer = "Vetta") =>
  new TOTP({ issuer, label, algorithm: "SHA1", digits: DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

/** A new 160-bit secret, base32 (what authenticator apps take when typed in). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return totp(secretBase32, account, issuer).toString();
}

/** The time step of an instant. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for an instant (tests and the e2e suite play the authenticator app with this). */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to, when it is right for `at` (± one step) and later than
 * `lastStep`; otherwise null.
 */
export function matchTotp(secretBase32: string, code: string, at: Date, lastStep: number | null): number | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secretBase32).validate({ token: digits, timestamp: at.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud and typed
/** Ten codes like "k7mq-3xtp-9hcw" (12 characters from 31 = 59 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Recovery codes are compared case- and dash-insensitively. */
export function normaliseRecoveryCode(code: string): string | null {
  const plain = code.toLowerCase().replace(/[\s-]+/g, "");
  return /^[a-z0-9]{12}$/.test(plain) ? plain : null;
}

export function hashRecoveryCode(code: string): string | null {
  const plain = normaliseRecoveryCode(code);
  return plain ? createHash("sha256").update(`vetta-recovery:${plain}`).digest("hex") : null;
}
