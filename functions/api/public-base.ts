import type { Context } from "hono";

/**
 * The configured public URL, or a function giving it: the local server learns its own URL only once it
 * listens (PORT=0), after the app is built.
 */
export type PublicUrl = string | (() => string | undefined) | undefined;

export const configuredUrl = (v: PublicUrl): string | undefined => (typeof v === "function" ? v() : v);

/**
 * The origin (and base path) absolute links are built from: the configured public URL. Without one
 * (tests, a bare local app) the request's own origin is used and the answer varies by Host, so no
 * cache hands one host's links to another.
 */
export function publicBase(c: Context, publicUrl: PublicUrl): string {
  const configured = configuredUrl(publicUrl);
  if (configured) return configured;
  c.header("Vary", "Host", { append: true });
  return new URL(c.req.url).origin;
}
