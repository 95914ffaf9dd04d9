import { z } from "zod";

export const emailField = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address."));

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(1024),
  /** The second step, once asked for: a 6-digit code from the app or a recovery code. */
  code: z.string().trim().max(32, "Enter the 6-digit code or a recovery code.").optional(),
});
export type SignInInput = z.infer<typeof signInInput>;

/** A code from the authenticator app, to prove it is set up (or to change the setting). */
export const mfaCodeInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code from your authenticator app.")
    .max(32, "Enter the 6-digit code from your app, or a recovery code."),
});
export type MfaCodeInput = z.infer<typeof mfaCodeInput>;

/** Starting two-step setup takes nothing but the click. */
export const startMfaSetupInput = z.object({}).strict();
