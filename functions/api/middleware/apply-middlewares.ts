import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { Logger } from "../../core/logger.js";
import { problem } from "../problem.js";
import type { PublicUrl } from "../public-base.js";
import { httpCache } from "./http-cache.js";
import { isInternalCall } from "./internal-call.js";
import { rateLimit, type RateLimitOptions } from "./rate-limit.js";
import { requestContext } from "./request-context.js";

export interface HttpOptions {
  readonly log: Logger;
  /** Origins allowed by CORS; ["*"] (the default) allows any, which suits a public read API without cookies. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** Per-client request limit; null turns it off (benchmarks). Default 600 per minute. */
  readonly rateLimit?: RateLimitOptions | null | undefined;
  /** Largest request body accepted, in bytes (default 64 KiB). */
  readonly maxBodyBytes?: number | undefined;
  /** Where people reach the API (DABYL_PUBLIC_URL, or the local server's own URL): absolute links in feeds and the page. */
  readonly publicUrl?: PublicUrl;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 600, windowMs: 60_000 };
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Everything every request goes through, outermost first; register before any route. */
export function applyMiddlewares(app: OpenAPIHono, opts: HttpOptions): void {
  // Outermost, so its log line and X-Request-Id cover every answer, 405 and 429 included.
  app.use("*", requestContext(opts.log));
  app.use(
    "*",
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problem(c, 405, `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(", ")}`, {
          headers: { Allow: methods.join(", ") },
        }),
    }),
  );
  const origins = opts.corsOrigins?.length ? [...opts.corsOrigins] : ["*"];
  app.use(
    "*",
    cors({
      origin: origins.includes("*") ? "*" : origins,
      allowMethods: ["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
      allowHeaders: ["Authorization", "X-Api-Key", "Content-Type", "If-None-Match", "X-Request-Id"],
      exposeHeaders: ["ETag", "X-Request-Id", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "Location", "Allow"],
      maxAge: 600,
    }),
  );
  app.use("*", httpCache());
  const limit = opts.rateLimit === undefined ? DEFAULT_RATE_LIMIT : opts.rateLimit;
  if (limit) {
    const limiter = rateLimit(limit);
    // Health checks must see the process even when a client is over its limit; in-process calls were
    // already counted as the request that made them.
    app.use("*", (c, next) => (c.req.path === "/health" || isInternalCall(c) ? next() : limiter(c, next)));
  }
  const maxBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.use(
    "*",
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) => problem(c, 413, `the request body is larger than ${maxBytes} bytes`),
    }),
  );
}
