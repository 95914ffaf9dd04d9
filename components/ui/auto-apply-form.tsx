"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";

/**
 * A GET filter form whose choices apply as soon as they change (like the data-table lists): a
 * select, checkbox or radio navigates to `action?…` at once; text fields apply on Enter. Every
 * value stays in the URL, so a filtered view can be bookmarked and shared. Without JavaScript it
 * is still a plain form (children may carry a <noscript> submit button).
 */
export function AutoApplyForm({ action, label, className, children }: { action: string; label: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const apply = (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string" && value !== "") params.append(key, value);
    const query = params.toString();
    start(() => router.replace(query ? `${action}?${query}` : action, { scroll: false }));
  };
  return (
    <form
      action={action}
      aria-label={label}
      aria-busy={pending}
      className={className}
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio"))) apply(event.currentTarget);
      }}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
      {children}
    </form>
  );
}
