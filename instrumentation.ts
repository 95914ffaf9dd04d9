/**
 * Next calls onRequestError for an error thrown while rendering a page (or in a route or action
 * that did not catch it). The error page shows the error's digest as the reference, so the log
 * line carries that digest beside the request id scripts/server.ts gave the request: one search
 * for the reference a user reads out finds the request and the error.
 */
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The factory, not lib/log/logger.ts: instrumentation is not built under the react-server
  // condition, where that module's "server-only" guard belongs (scripts/server.ts does the same).
  const { createLogger, logLevelFrom } = await import("@/lib/log/create-logger");
  const logger = createLogger(logLevelFrom(process.env.VETTA_LOG_LEVEL));
  const header = request.headers["x-request-id"];
  const err = error as Error & { digest?: string };
  logger.error(
    { requestId: Array.isArray(header) ? header[0] : header, digest: err.digest, method: request.method, path: request.path.split("?")[0], route: context.routePath, kind: context.routeType, err },
    "unexpected error while answering a request",
  );
};
