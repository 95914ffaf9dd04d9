import { Card } from "@/components/ui/card";

export interface ActivityEvent {
  id: string;
  seq: number;
  action: string;
  entityType: string;
  actorLabel: string;
  createdAt: Date;
}

export function ActivityList({ events }: { events: ActivityEvent[] }) {
  return (
    <Card title="Activity">
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing recorded yet.</p>
      ) : (
        <ol className="divide-y divide-slate-100 text-sm" aria-label="Activity">
          {events.map((e) => (
            <li key={e.id} className="flex justify-between gap-4 py-1.5">
              <span>
                <span className="font-mono text-xs text-slate-500">#{e.seq}</span> {e.action} <span className="text-slate-500">by {e.actorLabel}</span>
              </span>
              <time className="shrink-0 text-xs text-slate-500" dateTime={e.createdAt.toISOString()}>
                {e.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
