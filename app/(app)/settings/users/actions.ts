"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { rejectCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { serverEnv } from "@/lib/config/server-env";
import { issuePasswordReset } from "@/lib/db/passwords";
import { z } from "zod";
import { resetMemberMfa, setRequireMfa } from "@/lib/db/mfa";
import { changeMemberRole, createMember, setMemberActive } from "@/lib/db/users";
import { changeRoleInput, createUserInput, setUserActiveInput } from "@/lib/validation/users";

const create = guardedAction("user:manage", createUserInput, async (actor, input) => {
  rejectCommonPassword(input.password, "password");
  const user = await createMember(actor, { ...input, passwordHash: await hashPassword(input.password) });
  revalidatePath("/settings/users");
  return { id: user.id };
});

const changeRole = guardedAction("user:manage", changeRoleInput, async (actor, input) => {
  await changeMemberRole(actor, input.userId, input.role, input.clientId);
  revalidatePath("/settings/users");
});

const setActive = guardedAction("user:manage", setUserActiveInput, async (actor, input) => {
  await setMemberActive(actor, input.userId, input.active);
  revalidatePath("/settings/users");
});

export async function createUserAction(raw: unknown) {
  return create(raw);
}
export async function changeRoleAction(raw: unknown) {
  return changeRole(raw);
}
export async function setUserActiveAction(raw: unknown) {
  return setActive(raw);
}

const resetMfa = guardedAction("user:manage", z.object({ userId: z.string().min(1).max(64) }), async (actor, input) => {
  await resetMemberMfa(actor, input.userId);
  revalidatePath("/settings/users");
});

const requireMfa = guardedAction("user:manage", z.object({ requireMfa: z.boolean() }), async (actor, input) => {
  await setRequireMfa(actor, input.requireMfa);
  revalidatePath("/", "layout");
});

export async function resetMemberMfaAction(raw: unknown) {
  return resetMfa(raw);
}
export async function setRequireMfaAction(raw: unknown) {
  return requireMfa(raw);
}

const sendReset = guardedAction("user:manage", z.object({ userId: z.string().trim().min(1).max(64) }), async (actor, input) => {
  const { to, expiresAt } = await issuePasswordReset(actor, input.userId, serverEnv.publicUrl());
  revalidatePath(`/settings/users/${input.userId}`);
  // The link itself goes only to the person's mailbox, never back to the admin's browser.
  return { to, expiresAt: expiresAt.toISOString() };
});

/** An admin sends a member a single-use link (1 hour) to set a new password. */
export async function sendPasswordResetAction(raw: unknown) {
  return sendReset(raw);
}
