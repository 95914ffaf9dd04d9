import { z } from "zod";

export const emailField = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address."));

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(1024),
});
export type SignInInput = z.infer<typeof signInInput>;
