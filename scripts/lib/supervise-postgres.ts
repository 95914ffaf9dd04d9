/**
 * Keeps the embedded PostgreSQL running under `npm start`. When the postmaster exits without our
 * asking (killed, crashed, OOM), it is started again on the same port and data directory, with a
 * growing pause between attempts (PostgreSQL refuses to start while the dead postmaster's
 * backends still hold its shared memory; they notice within moments and exit). Attempts are
 * bounded: more than `maxRestarts` within `windowMs` and the supervisor gives up, so that the
 * whole process exits non-zero and a service manager (systemd) restarts everything.
 */
import type { EmbeddedDatabase } from "./embedded-postgres";

export interface SuperviseOptions {
  /** Restart attempts allowed within `windowMs` before giving up. */
  maxRestarts?: number;
  windowMs?: number;
  /** Pause before attempt n (1-based). */
  backoffMs?: (attempt: number) => number;
  log?: (message: string) => void;
  /** After a successful restart, with the new postmaster's pid. */
  onRestarted?: (pid: number | undefined) => void;
  /** The cluster could not be brought back: the caller should exit non-zero. */
  onGiveUp: (reason: string) => void;
}

export const defaultBackoffMs = (attempt: number) => Math.min(500 * 2 ** (attempt - 1), 15_000);

export function superviseEmbeddedPostgres(db: EmbeddedDatabase, options: SuperviseOptions): { stop(): void } {
  const maxRestarts = options.maxRestarts ?? 5;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const log = options.log ?? ((message: string) => console.error(message));
  const attempts: number[] = [];
  let stopped = false;
  let recovering = false;

  const recover = async (how: string) => {
    if (stopped || recovering) return;
    recovering = true;
    log(`[vetta] embedded PostgreSQL on port ${db.port} stopped unexpectedly (${how}); restarting it`);
    let lastError = how;
    try {
      for (;;) {
        const now = Date.now();
        while (attempts.length > 0 && now - (attempts[0] ?? now) > windowMs) attempts.shift();
        if (attempts.length >= maxRestarts) {
          const reason = `the embedded PostgreSQL could not be kept running (${maxRestarts} restart attempts within ${Math.round(windowMs / 1000)} s; last: ${lastError})`;
          log(`[vetta] ${reason}; exiting so the service manager restarts Vetta`);
          stopped = true;
          options.onGiveUp(reason);
          return;
        }
        attempts.push(now);
        const wait = backoffMs(attempts.length);
        await new Promise((resolve) => setTimeout(resolve, wait));
        if (stopped) return;
        try {
          await db.restart();
          log(`[vetta] embedded PostgreSQL restarted on port ${db.port} (attempt ${attempts.length} of ${maxRestarts}, after ${wait} ms)`);
          options.onRestarted?.(db.pid());
          return;
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
          log(`[vetta] restarting the embedded PostgreSQL failed (attempt ${attempts.length} of ${maxRestarts}): ${lastError}`);
        }
      }
    } finally {
      recovering = false;
    }
  };

  db.onUnexpectedExit((how) => void recover(how));
  return {
    stop: () => {
      stopped = true;
    },
  };
}
