import { z } from "zod";

/**
 * A new password (ASVS 2.1): 12 to 128 characters, counted as characters a person types (code
 * points), any characters including spaces, no composition rules. Refused: whitespace only, one
 * short run repeated ("aaaaaaaaaaaa", "abcabcabcabc"), or fewer than five different characters.
 * Kept as typed (never trimmed or truncated). The breached/common list is checked on the server
 * (lib/auth/common-passwords.ts): the list is too big to ship to every browser.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;


/** Why this password is too weak by its shape, or null. */
export function passwordShapeProblem(value: string): string | null {
  const chars = [...value];
  if (chars.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (chars.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (value.trim() === "") return "A password cannot be only spaces.";
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.length % unit === 0 && chars.every((c, i) => c === chars[i % unit])) return "Do not repeat the same few characters: use a phrase or a password manager.";
  }
  if (new Set(chars.map((c) => c.toLowerCase())).size < 5) return "Use more different characters: a phrase of a few words works well.";
  return null;
}

export const newPasswordField = z
  .string({ message: "Enter a password." })
  .max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`)
  .superRefine((value, ctx) => {
    const problem = passwordShapeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Changing one's own password: the current one proves it is really them. */
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match." });
    if (value.newPassword === value.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password different from your current one." });
  });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** A reset link's token: 32 random bytes, base64url. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Setting a new password through a reset link. */
export const resetPasswordInput = z
  .object({
    token: z.string().regex(RESET_TOKEN_PATTERN, "This reset link is not valid."),
    newPassword: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match." });
  });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;
