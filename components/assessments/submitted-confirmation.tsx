"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * Shown once, right after an assessment is submitted: says it reached the server and what
 * happens now, and offers the next step. Focus moves to it so a screen reader announces it.
 */
export function SubmittedConfirmation({ productId, productName, canPropose }: { productId: string; productName: string; canPropose: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section role="status" aria-labelledby="submitted-heading" data-testid="submitted-confirmation" className="mb-6 rounded-lg border border-green-300 bg-green-50 p-4 text-sm text-green-950">
      <h2 id="submitted-heading" ref={heading} tabIndex={-1} className="text-base font-semibold outline-none">
        Submitted for review
      </h2>
      <p className="mt-1">
        The assessment of {productName} is saved and waiting in the compliance officer&apos;s review queue. The answers are now read only; the decision, with any conditions, will appear on
        this page and on your dashboard.
      </p>
      <p className="mt-3 font-medium">Next step</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {canPropose ? (
          <li>
            <Link href="/clients" className="text-brand-900 underline">
              Propose a use case for a client
            </Link>{" "}
            so the compliance officer can approve {productName} for that client&apos;s data.
          </li>
        ) : null}
        <li>
          <Link href={`/products/${productId}`} className="text-brand-900 underline">
            Back to {productName}
          </Link>{" "}
          to add any missing evidence (DPA, certificates) while the review is pending.
        </li>
        <li>
          <Link href="/dashboard" className="text-brand-900 underline">
            Go to your dashboard
          </Link>{" "}
          for the rest of your work.
        </li>
      </ul>
    </section>
  );
}
