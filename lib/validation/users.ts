import { z } from "zod";
import { ROLES } from "@/lib/domain/vocabulary";
import { emailField } from "./auth";
import { newPasswordField } from "./password";
import { nameText } from "./plain-text";
import { optionalRecordId, recordId } from "./record-id";

const id = recordId;
const optionalClientId = optionalRecordId;

/** A client viewer must name their client; nobody else has one. */
function clientRequiredForViewer<T extends { role: (typeof ROLES)[number]; clientId: string | null }>(value: T, ctx: z.RefinementCtx) {
  if (value.role === "CLIENT_VIEWER" && !value.clientId) {
    ctx.addIssue({ code: "custom", path: ["clientId"], message: "Choose the client this person belongs to." });
  }
}

export const createUserInput = z
  .object({
    email: emailField,
    name: nameText("Enter the person's name.", 120),
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

export const resetMemberMfaInput = z.object({ userId: id });
export const requireMfaInput = z.object({ requireMfa: z.boolean() });

/** An admin sends a member a single-use link to set a new password. */
export const sendPasswordResetInput = z.object({ userId: id });
