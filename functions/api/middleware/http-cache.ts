import type { MiddlewareHandler } from "hono";
import { etag, RETAINED_304_HEADERS } from "hono/etag";

const DEFAULT_CACHE_CONTROL = "public, max-age=60";

/**
 * ETag and Cache-Control on every GET. A route may set its own Cache-Control or ETag; otherwise a
 * successful GET gets a short public max-age and a weak ETag hashed from the body (hono/etag, which
 * also answers If-None-Match with 304). Errors are never cached.
 */
export function httpCache(): MiddlewareHandler {
  const tag = etag({
    weak: true,
    // A 304 keeps what the client needs to use its cached copy across origins and to correlate logs.
    retainedHeaders: [...RETAINED_304_HEADERS, "x-request-id", "access-control-allow-origin", "access-control-expose-headers", "access-control-allow-credentials"],
  });
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    await tag(c, async () => {
      await next();
      if (c.res.status >= 400) c.res.headers.set("Cache-Control", "no-store");
      else if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", DEFAULT_CACHE_CONTROL);
    });
  };
}
