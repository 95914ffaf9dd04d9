import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors/app-error";

/**
 * SECURITY-CRITICAL. The breached/common password check (ASVS 2.1.7), offline: the 49,233 most
 * common passwords from leaked password sets, as shipped (pinned) in @zxcvbn-ts/language-common,
 * held in a Set on first use. No network call, so it works on air-gapped installs and never sends
 * anything derived from a password anywhere.
 *
 * Most entries are shorter than the 12-character minimum, so a listed password dressed up with
 * digits or symbols around it ("password1234", "Dragon2026!!") is refused too.
 */
let common: Set<string> | null = null;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"] as string[]));

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (core !== lower && core.length >= 3 && list.has(core)) return true;
  // The same listed word twice ("dragondragon", "qwerty123qwerty123").
  const half = lower.length % 2 === 0 ? lower.slice(0, lower.length / 2) : null;
  return half !== null && half === lower.slice(lower.length / 2) && (list.has(half) || list.has(half.replace(/[^\p{L}]+$/gu, "")));
}

export const COMMON_PASSWORD_MESSAGE = "This password is on a list of common or leaked passwords. Choose another: a phrase of a few unrelated words works well.";

/** Throws a field error naming `field` when the password is common. */
export function rejectCommonPassword(password: string, field: string) {
  if (isCommonPassword(password)) throw new AppError("VALIDATION", COMMON_PASSWORD_MESSAGE, { [field]: COMMON_PASSWORD_MESSAGE });
}
