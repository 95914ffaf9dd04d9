"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";

export function SignOutButtons({ signOutEverywhere }: { signOutEverywhere: () => Promise<unknown> }) {
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <button type="button" className="rounded-md px-3 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
        Sign out
      </button>
      <button
        type="button"
        disabled={pending}
        className="rounded-md px-3 py-1.5 text-left text-xs text-slate-500 hover:bg-slate-100"
        onClick={() =>
          start(async () => {
            if (!window.confirm("Sign out on every device and browser where you are signed in?")) return;
            await signOutEverywhere();
            await signOut({ callbackUrl: "/sign-in" });
          })
        }
      >
        Sign out everywhere
      </button>
    </div>
  );
}
