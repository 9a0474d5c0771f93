import type { Context } from "hono";

/**
 * The origin (and base path) absolute links are built from: the configured public URL. Without one
 * (tests, a bare local app) the request's own origin is used and the answer varies by Host, so no
 * cache hands one host's links to another.
 */
export function publicBase(c: Context, configured: string | undefined): string {
  if (configured) return configured;
  c.header("Vary", "Host", { append: true });
  return new URL(c.req.url).origin;
}
