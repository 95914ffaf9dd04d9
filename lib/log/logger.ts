import "server-only";
import { environment } from "@/lib/config/server-env";
import { createLogger, type Logger, type LogLevel } from "./create-logger";

/**
 * The one logger of the app, the job worker and the scripts that use lib/db. Level from
 * VETTA_LOG_LEVEL (default info). Kept on globalThis so Next's hot reload does not stack loggers.
 * Request-scoped lines carry `requestId`, job lines `jobId` (child loggers).
 */
const globalForLogger = globalThis as unknown as { vettaLogger?: Logger };

function configuredLevel(): LogLevel {
  try {
    return environment().VETTA_LOG_LEVEL ?? "info";
  } catch {
    // Another variable is invalid: the feature that needs it reports that; logging still works.
    return "info";
  }
}

export const logger: Logger = globalForLogger.vettaLogger ?? (globalForLogger.vettaLogger = createLogger(configuredLevel()));
