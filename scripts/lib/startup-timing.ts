/**
 * Start-up phase marks for `npm run bench -- startup` (issue 17: restart healthy in ≤ 5 s). With
 * VETTA_STARTUP_TIMING=1 each process of a start (the launcher, the database preparation, the job
 * worker) prints one line per phase: when it was reached (epoch ms, so marks from different
 * processes line up against the bench's spawn time) and how much CPU this process had used by
 * then. CPU time is the figure that stays meaningful on a shared, loaded machine, where wall
 * time mostly measures the other processes. Without the variable nothing is printed.
 */
import { performance } from "node:perf_hooks";

export const TIMING_PREFIX = "[vetta-timing] ";

export interface TimingMark {
  /** Which process: launcher, prepare-db, worker. */
  process: string;
  phase: string;
  /** Epoch milliseconds. */
  at: number;
  /** CPU (user + system) this process had used, ms. */
  cpuMs: number;
}

const enabled = () => process.env.VETTA_STARTUP_TIMING === "1";

export function markPhase(processName: string, phase: string): void {
  if (!enabled()) return;
  const cpu = process.cpuUsage();
  const mark: TimingMark = { process: processName, phase, at: performance.timeOrigin + performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 };
  process.stdout.write(`${TIMING_PREFIX}${JSON.stringify(mark)}\n`);
}

/** The moment this process began (before Node loaded anything), as a mark with no CPU used yet. */
export function markProcessStart(processName: string): void {
  if (!enabled()) return;
  const mark: TimingMark = { process: processName, phase: "process started", at: performance.timeOrigin, cpuMs: 0 };
  process.stdout.write(`${TIMING_PREFIX}${JSON.stringify(mark)}\n`);
}

/** Every mark in a chunk of output (lines that are not marks are skipped). */
export function parseMarks(text: string): TimingMark[] {
  const marks: TimingMark[] = [];
  for (const line of text.split("\n")) {
    const at = line.indexOf(TIMING_PREFIX);
    if (at < 0) continue;
    try {
      marks.push(JSON.parse(line.slice(at + TIMING_PREFIX.length)) as TimingMark);
    } catch {
      // a partial line: the caller passes whole lines
    }
  }
  return marks;
}
