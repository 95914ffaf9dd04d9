"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { hashPassword } from "@/lib/auth/password";
import { changeMemberRole, createMember, setMemberActive } from "@/lib/db/users";
import { changeRoleInput, createUserInput, setUserActiveInput } from "@/lib/validation/users";

const create = guardedAction("user:manage", createUserInput, async (actor, input) => {
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
