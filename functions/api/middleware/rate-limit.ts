import type { Context, MiddlewareHandler } from "hono";
import { problem } from "../problem.js";

export interface RateLimitOptions {
  /** Requests allowed per client per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Clock in ms; tests pass a fake one. */
  readonly now?: () => number;
}

type Env = { incoming?: { socket?: { remoteAddress?: string } }; requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };

/** The caller's address as the runtime saw it (node socket or API Gateway), falling back to proxies' headers. */
export function clientAddress(c: Context): string {
  const env = c.env as Env | undefined;
  return (
    env?.requestContext?.http?.sourceIp ??
    env?.requestContext?.identity?.sourceIp ??
    env?.incoming?.socket?.remoteAddress ??
    c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ??
    "unknown"
  );
}

/**
 * A fixed-window limit per client address, in memory: it protects one process (the local server, one
 * warm Lambda). Fleet-wide throttling belongs to API Gateway. 429 problem+json with Retry-After.
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const t = now();
    const key = clientAddress(c);
    let w = windows.get(key);
    if (!w || t - w.start >= opts.windowMs) {
      // Forget finished windows now and then, so the map cannot grow without bound.
      if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= opts.windowMs) windows.delete(k);
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    c.header("RateLimit-Limit", String(opts.limit));
    c.header("RateLimit-Remaining", String(Math.max(0, opts.limit - w.count)));
    if (w.count > opts.limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + opts.windowMs - t) / 1000));
      return problem(c, 429, `too many requests: at most ${opts.limit} per ${opts.windowMs / 1000} s; retry after ${retryAfter} s`, {
        headers: { "Retry-After": String(retryAfter) },
      });
    }
    await next();
  };
}
