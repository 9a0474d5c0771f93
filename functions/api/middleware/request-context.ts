import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Logger } from "../../core/logger.js";
import { isInternalCall } from "./internal-call.js";

declare module "hono" {
  interface ContextVariableMap {
    /** This request's logger: every line carries the request id. */
    log: Logger;
    requestId: string;
  }
}

// Accept a caller's id only when it is short and plain, so it cannot smuggle anything into logs.
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The route pattern that answered ("/headlines/:id"), or null when none did (404, 405). */
function answeredRoute(c: Parameters<MiddlewareHandler>[0]): string | null {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const r = routes[i];
    if (r && r.method !== "ALL" && r.path !== "*" && r.path !== "/*") return r.path;
  }
  return null;
}

/**
 * Gives each request an id (X-Request-Id in and out) and a child logger, and writes one log line per
 * request (not per in-process call): method, route pattern, status, duration. Paths and query strings are not logged, since
 * they carry what people search for.
 */
export function requestContext(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
    const reqLog = log.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", reqLog);
    try {
      await next();
    } finally {
      c.header("X-Request-Id", requestId);
      // The outer request's line covers the in-process calls made to answer it.
      if (isInternalCall(c)) return;
      const ms = Math.round((performance.now() - started) * 10) / 10;
      reqLog.info("request", { method: c.req.method, route: answeredRoute(c), status: c.res.status, ms });
    }
  };
}
