import "server-only";
import { sealAllOrganizations } from "@/lib/db/audit";

/**
 * The audit sealer's loop in the job worker: a sealing pass every few seconds
 * (VETTA_AUDIT_SEAL_SECONDS, default 2), one pass at a time. It is a timer rather than a pg-boss
 * schedule because pg-boss schedules are cron, a minute apart at best, and the time between a
 * write and its seal is the one window in which a database administrator could delete an event
 * unnoticed (lib/db/audit-sealer.ts). Several instances may run it at once: each organisation's
 * pass takes an advisory lock, and the seal table's keys forbid a second link at one position.
 */
export function startAuditSealer(options: { intervalMs: number; onPass?: (result: { organizations: number; sealed: number }) => void; onError?: (error: unknown) => void }) {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const pass = async () => {
    try {
      options.onPass?.(await sealAllOrganizations());
    } catch (error) {
      options.onError?.(error);
    }
  };
  const loop = async () => {
    while (!stopped) {
      current = pass();
      await current;
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
  };
  void loop();
  return {
    /** Stops after the pass under way, which is allowed to finish (and anchor). */
    async stop() {
      stopped = true;
      await current;
    },
  };
}
