import type { Metadata } from "next";
import Link from "next/link";
import { CalendarFeedPanel } from "@/components/renewals/calendar-feed-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { calendarFeedStatus } from "@/lib/db/calendar-feeds";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "../actions";

export const metadata: Metadata = { title: "Calendar feed" };

export default async function CalendarFeedPage() {
  const actor = await requirePermission("renewal:read");
  const status = await calendarFeedStatus(actor);
  return (
    <>
      <PageHeader
        title="Calendar feed"
        description={
          <>
            A private iCalendar (ICS) address listing the renewal dates you own, from 90 days back to a year ahead, each as an all-day event that links back to Vetta.{" "}
            <Link href="/renewals" className="text-brand-700 hover:underline">
              Back to renewals
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Your feed">
          <CalendarFeedPanel activeSince={status ? status.createdAt.toISOString().slice(0, 10) : null} create={createCalendarFeedAction} revoke={revokeCalendarFeedAction} />
        </Card>
        <Card title="Subscribe">
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li>
              <strong>Outlook:</strong> Calendar → Add calendar → Subscribe from web → paste the URL.
            </li>
            <li>
              <strong>Google Calendar:</strong> Other calendars → + → From URL → paste the URL.
            </li>
            <li>
              <strong>Apple Calendar:</strong> File → New Calendar Subscription → paste the URL.
            </li>
          </ul>
          <p className="mt-3 text-xs text-slate-500">Calendar apps refresh subscribed feeds on their own schedule (Google: every few hours).</p>
        </Card>
      </div>
    </>
  );
}
