"use server";

import { revalidatePath } from "next/cache";
import { rejectCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { serverEnv } from "@/lib/config/server-env";
import { resetMemberMfa, setRequireMfa } from "@/lib/db/mfa";
import { issuePasswordReset } from "@/lib/db/passwords";
import { changeMemberRole, createMember, setMemberActive } from "@/lib/db/users";
import { guardedAction } from "@/lib/http/guarded-action";
import { changeRoleInput, createUserInput, requireMfaInput, resetMemberMfaInput, sendPasswordResetInput, setUserActiveInput } from "@/lib/validation/users";

export const createUserAction = guardedAction(createUserInput, "user:manage", async (actor, input) => {
  rejectCommonPassword(input.password, "password");
  const user = await createMember(actor, { ...input, passwordHash: await hashPassword(input.password) });
  revalidatePath("/settings/users");
  return { id: user.id };
});

export const changeRoleAction = guardedAction(changeRoleInput, "user:manage", async (actor, input) => {
  await changeMemberRole(actor, input.userId, input.role, input.clientId);
  revalidatePath("/settings/users");
});

export const setUserActiveAction = guardedAction(setUserActiveInput, "user:manage", async (actor, input) => {
  await setMemberActive(actor, input.userId, input.active);
  revalidatePath("/settings/users");
});

export const resetMemberMfaAction = guardedAction(resetMemberMfaInput, "user:manage", async (actor, input) => {
  await resetMemberMfa(actor, input.userId);
  revalidatePath("/settings/users");
});

export const setRequireMfaAction = guardedAction(requireMfaInput, "user:manage", async (actor, input) => {
  await setRequireMfa(actor, input.requireMfa);
  revalidatePath("/", "layout");
});

/** An admin sends a member a single-use link (1 hour) to set a new password. */
export const sendPasswordResetAction = guardedAction(sendPasswordResetInput, "user:manage", async (actor, input) => {
  const { to, expiresAt } = await issuePasswordReset(actor, input.userId, serverEnv.publicUrl());
  revalidatePath(`/settings/users/${input.userId}`);
  // The link itself goes only to the person's mailbox, never back to the admin's browser.
  return { to, expiresAt: expiresAt.toISOString() };
});
