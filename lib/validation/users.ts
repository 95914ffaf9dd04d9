import { z } from "zod";
import { ROLES } from "@/lib/domain/vocabulary";
import { emailField } from "./auth";
import { newPasswordField } from "./password";

const id = z.string().trim().min(1).max(64);
const optionalClientId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

/** A client viewer must name their client; nobody else has one. */
function clientRequiredForViewer<T extends { role: (typeof ROLES)[number]; clientId: string | null }>(value: T, ctx: z.RefinementCtx) {
  if (value.role === "CLIENT_VIEWER" && !value.clientId) {
    ctx.addIssue({ code: "custom", path: ["clientId"], message: "Choose the client this person belongs to." });
  }
}

export const createUserInput = z
  .object({
    email: emailField,
    name: z.string().trim().min(1, "Enter the person's name.").max(120),
    role: z.enum(ROLES, { message: "Choose a role." }),
    clientId: optionalClientId,
    password: newPasswordField,
  })
  .superRefine(clientRequiredForViewer);
export type CreateUserInput = z.input<typeof createUserInput>;

export const changeRoleInput = z
  .object({ userId: id, role: z.enum(ROLES, { message: "Choose a role." }), clientId: optionalClientId })
  .superRefine(clientRequiredForViewer);

export const setUserActiveInput = z.object({ userId: id, active: z.boolean() });
