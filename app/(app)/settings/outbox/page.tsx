import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { PageLinks } from "@/components/ui/page-links";
import { z } from "zod";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { serverEnv } from "@/lib/config/server-env";
import { listOutbox } from "@/lib/db/outbox";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 25;
// `status=failed`: mail that failed and has not gone out since (the admin home's tile opens this view).
const params = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1), status: z.enum(["failed"]).optional().catch(undefined) });

/** ADMIN: every e-mail Vetta produced. Without SMTP_URL they wait here; with it, they show when they went out or why they failed. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("outbox:read");
  const raw = await searchParams;
  const { page, status } = params.parse({ page: typeof raw.page === "string" ? raw.page : undefined, status: typeof raw.status === "string" ? raw.status : undefined });
  const smtp = Boolean(serverEnv.smtpUrl());
  return (
    <>
      <PageHeader
        title="Outbox"
        description={smtp ? "Every e-mail Vetta has produced, newest first. Mail is sent through your SMTP server by the job worker." : "SMTP is not configured (set SMTP_URL), so e-mail is kept here instead of being sent. Newest first."}
      />
      {status === "failed" ? (
        <p className="mb-4 text-sm text-slate-700" data-testid="outbox-filtered">
          Showing only mail that failed to send.{" "}
          <Link href="/settings/outbox" className="text-brand-700 underline">
            Show all mail
          </Link>
        </p>
      ) : null}
      {/* Keyed on the view: a page link or the failed-only view shows the skeleton again until its rows arrive. */}
      <Suspense key={`${status ?? "all"}-${page}`} fallback={<ListSkeleton label="the outbox" />}>
        <OutboxRows actor={actor} page={page} status={status} smtp={smtp} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above (admins only) has already answered 404 to anyone else. */
async function OutboxRows({ actor, page, status, smtp }: { actor: Actor; page: number; status: "failed" | undefined; smtp: boolean }) {
  const { rows, total } = await listOutbox(actor, page, PAGE_SIZE, { failedOnly: status === "failed" });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      {rows.length === 0 && status === "failed" ? (
        <EmptyState title="No failed mail." />
      ) : rows.length === 0 ? (
        <EmptyState title="No e-mail yet.">Reminders appear here as renewal dates come within 60 days.</EmptyState>
      ) : (
        <ScrollRegion label="Outbox" className="rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Created</th>
                <th scope="col" className="px-3 py-2">To</th>
                <th scope="col" className="px-3 py-2">Subject and message</th>
                <th scope="col" className="px-3 py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id} data-testid="outbox-row">
                  <td className="whitespace-nowrap px-3 py-2 align-top text-slate-600">{row.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                  <td className="px-3 py-2 align-top">{row.to}</td>
                  <td className="px-3 py-2 align-top">
                    <details>
                      <summary className="cursor-pointer font-medium text-slate-900">{row.subject}</summary>
                      <pre className="mt-2 whitespace-pre-wrap font-sans text-xs text-slate-700">{row.body}</pre>
                    </details>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 align-top">
                    {row.sentAt ? (
                      <Badge tone="green">Sent {row.sentAt.toISOString().slice(0, 16).replace("T", " ")}</Badge>
                    ) : row.error ? (
                      <span title={row.error}>
                        <Badge tone="red">Failed</Badge> <span className="text-xs text-red-700">{row.error}</span>
                      </span>
                    ) : (
                      <Badge tone="amber">{smtp ? "Waiting" : "Kept (no SMTP)"}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <PageLinks page={page} pages={pages} total={total} noun="messages" label="Outbox pages" href={(p) => `/settings/outbox?${status ? `status=${status}&` : ""}page=${p}`} />
    </>
  );
}
