"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { signInInput, type SignInInput } from "@/lib/validation/auth";

/**
 * Email and password, then, for an account with two-step verification, the code: the server
 * answers "MfaRequired" and the form asks for it, keeping what was typed.
 */
export function SignInForm({ initialError, messages }: { initialError: string | null; messages: Record<string, string> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [needCode, setNeedCode] = useState(false);
  const { register, handleSubmit, formState, setFocus, setValue, setError: setFieldError } = useForm<SignInInput>({ resolver: zodResolver(signInInput) });

  useEffect(() => {
    if (needCode) setFocus("code");
  }, [needCode, setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    if (needCode && !values.code) {
      setFieldError("code", { message: "Enter the code from your authenticator app, or a recovery code." });
      return;
    }
    const result = await signIn("credentials", { ...values, code: values.code ?? "", redirect: false });
    if (!result || result.error || !result.ok) {
      const code = result?.error ?? "";
      if (code === "MfaRequired" || code === "MfaInvalid") {
        setNeedCode(true);
        setValue("code", "");
        // Asked for the first time: a prompt, not an error.
        setError(code === "MfaInvalid" ? (messages.MfaInvalid ?? "That code is not right.") : null);
        return;
      }
      setNeedCode(false);
      setError(messages[code] ?? messages.CredentialsSignin ?? "Sign-in failed.");
      return;
    }
    // Fresh server render with the new session; "/" sends each role to its own home.
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      <TextField label="Email" type="email" autoComplete="username" autoFocus readOnly={needCode} error={formState.errors.email?.message} {...register("email")} />
      <TextField label="Password" type="password" autoComplete="current-password" readOnly={needCode} error={formState.errors.password?.message} {...register("password")} />
      {needCode ? (
        <TextField
          label="Verification code"
          autoComplete="one-time-code"
          inputMode="text"
          spellCheck={false}
          hint={messages.MfaRequired}
          error={formState.errors.code?.message}
          {...register("code")}
        />
      ) : null}
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Signing in…" : needCode ? "Verify and sign in" : "Sign in"}
      </Button>
      {needCode ? (
        <Button
          variant="ghost"
          className="w-full"
          onClick={() => {
            setNeedCode(false);
            setError(null);
            setValue("code", undefined);
          }}
        >
          Use a different account
        </Button>
      ) : null}
    </form>
  );
}
