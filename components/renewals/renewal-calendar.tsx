import Link from "next/link";
import type { CalendarDate } from "@/lib/domain/dates/calendar-date";
import { RENEWAL_KIND_LABELS, monthGrid } from "@/lib/domain/renewals/renewal-schedule";
import type { RenewalRow } from "./renewal-list";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A month grid (Monday first) with each day's renewal dates; today is outlined, past items in red. */
export function RenewalCalendar({ month, rows, today }: { month: string; rows: RenewalRow[]; today: CalendarDate }) {
  const byDay = new Map<CalendarDate, RenewalRow[]>();
  for (const row of rows) byDay.set(row.dueOn, [...(byDay.get(row.dueOn) ?? []), row]);
  const title = new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <table className="w-full table-fixed border-collapse rounded-lg bg-white text-sm" aria-label={`Renewals in ${title}`}>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" className="border border-slate-200 bg-slate-50 px-2 py-1 text-xs font-semibold text-slate-600">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(month).map((week, w) => (
          <tr key={w}>
            {week.map((day, d) =>
              day ? (
                <td key={day} className={`h-28 border border-slate-200 px-1.5 py-1 align-top ${day === today ? "outline outline-2 -outline-offset-2 outline-brand-600" : ""}`} data-testid={`calendar-day-${day}`}>
                  <p className={`text-xs ${day === today ? "font-bold text-brand-700" : "text-slate-500"}`}>
                    {Number(day.slice(8))}
                    {day === today ? <span className="sr-only"> (today)</span> : null}
                  </p>
                  <ul className="mt-1 flex flex-col gap-1">
                    {(byDay.get(day) ?? []).map((row) => (
                      <li key={row.key}>
                        <Link
                          href={row.href}
                          title={`${RENEWAL_KIND_LABELS[row.kind]}: ${row.title}${row.productName ? ` (${row.productName})` : ""}. ${row.action}`}
                          className={`block truncate rounded px-1 py-0.5 text-xs ${day < today ? "bg-red-50 text-red-800" : "bg-brand-50 text-brand-900"} hover:underline`}
                        >
                          {RENEWAL_KIND_LABELS[row.kind]}: {row.title}
                          {row.productName ? ` · ${row.productName}` : ""}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              ) : (
                <td key={`empty-${w}-${d}`} className="border border-slate-200 bg-slate-50" />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
