import { createHash } from "node:crypto";
import type { Context } from "hono";

/** A strong ETag from the exact bytes served, so equal bodies always share a tag. */
export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  // Weak comparison, as RFC 9110 asks for If-None-Match: W/"x" matches "x".
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/** JSON with Cache-Control and ETag; 304 without a body when the client already has these bytes. */
export function cachedJson(c: Context, data: unknown, cacheControl: string): Response {
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = { etag, "cache-control": cacheControl };
  if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "content-type": "application/json; charset=utf-8" });
}
