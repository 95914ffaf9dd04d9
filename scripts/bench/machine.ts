/**
 * The date and machine a benchmark figure was measured on, for BENCHMARKS.md: figures from
 * different machines (or a loaded one) are not comparable, so every section says which it was.
 */
import { cpus, loadavg, totalmem } from "node:os";

export function machineLine(): string {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim();
  const [one] = loadavg();
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${model}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${one!.toFixed(1)} at the end (the machine is shared: compare figures within a row, measured back to back)`;
}
