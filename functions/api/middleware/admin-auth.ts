import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { problem } from "../problem.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The key from `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
function presentedKey(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? apiKey?.trim() ?? undefined;
}

/**
 * Admin routes need the configured API key. Both sides are hashed first, so the comparison takes the
 * same time whatever the length or content of the guess. With no key configured, admin is closed.
 */
export function requireAdminKey(adminApiKey: string | undefined): MiddlewareHandler {
  const expected = adminApiKey ? digest(adminApiKey) : undefined;
  return async (c, next) => {
    const key = presentedKey(c.req.header("authorization"), c.req.header("x-api-key"));
    const ok = expected !== undefined && key !== undefined && timingSafeEqual(digest(key), expected);
    if (!ok) {
      const detail = !expected
        ? "admin routes are disabled: no admin API key is configured"
        : key === undefined
          ? "admin routes need an API key: send Authorization: Bearer <key> or X-Api-Key: <key>"
          : "the API key is not valid";
      return problem(c, 401, detail, { headers: { "WWW-Authenticate": 'Bearer realm="dabyl-admin"' } });
    }
    await next();
  };
}
