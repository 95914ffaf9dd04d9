import "server-only";
import { consumePasswordReset, findOwnPasswordHash, setOwnPassword } from "@/lib/db/passwords";
import { accountKey, clearFailures, refundAttempt, THROTTLE, takeAttempt } from "@/lib/db/sign-in-throttle";
import type { TenantContext } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { ChangePasswordInput, ResetPasswordInput } from "@/lib/validation/password";
import { rejectCommonPassword } from "./common-passwords";
import { hashPassword, verifyPassword } from "./password";

/**
 * SECURITY-CRITICAL. A person changes their own password. The current password is checked against
 * the same per-account budget as sign-in (taken before argon2 runs), so a stolen session cannot be
 * used to guess it; every other session ends, this one stays.
 */
export async function changeOwnPassword(ctx: TenantContext & { sessionId: string | null }, input: Pick<ChangePasswordInput, "currentPassword" | "newPassword">) {
  const own = await findOwnPasswordHash(ctx);
  const limit = [{ key: accountKey(own.email), limit: THROTTLE.accountLimit }];
  if (!(await takeAttempt(limit)).allowed) throw new AppError("RATE_LIMITED", "Too many wrong passwords. Wait 15 minutes and try again.", { currentPassword: "Too many wrong passwords. Wait 15 minutes and try again." });
  if (!(await verifyPassword(own.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", "Your current password is not right.", { currentPassword: "That is not your current password." });
  }
  await refundAttempt(limit);
  rejectCommonPassword(input.newPassword, "newPassword");
  await setOwnPassword(ctx, await hashPassword(input.newPassword), ctx.sessionId);
  await clearFailures(limit[0]!.key);
}

/** Sets a new password through a reset link; false when the link is unknown, used or expired. */
export async function resetPasswordWithLink(input: Pick<ResetPasswordInput, "token" | "newPassword">, ip: string | null) {
  rejectCommonPassword(input.newPassword, "newPassword");
  const done = await consumePasswordReset(input.token, await hashPassword(input.newPassword), ip);
  if (done) await clearFailures(accountKey(done.email));
  return done !== null;
}
