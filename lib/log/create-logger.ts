/**
 * The pino logger factory, with no "server-only" import: scripts/server.ts (plain Node, not the
 * react-server build) needs it too. App code uses lib/log/logger.ts, which takes the level from
 * the typed environment. One JSON line per event on stdout, so a log shipper can parse it.
 */
import pino, { type Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type { Logger };

/** A level given as text, or "info" when unset or not one of LOG_LEVELS. */
export function logLevelFrom(value: string | undefined): LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value ?? "") ? (value as LogLevel) : "info";
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, base: { app: "vetta" }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
