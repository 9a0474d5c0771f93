import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";

type RouteDefinition = { type: string; route?: { method: string; path: string; request?: { body?: { content?: Record<string, unknown> } } } };

/** "POST /alerts/:id/verify" -> the media types its documented body accepts, read from the routes' definitions. */
function bodyTypes(app: OpenAPIHono): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of app.openAPIRegistry.definitions as RouteDefinition[]) {
    const content = d.type === "route" ? d.route?.request?.body?.content : undefined;
    if (!d.route || !content) continue;
    const path = d.route.path.replace(/\{([^}]+)\}/g, ":$1");
    out.set(`${d.route.method.toUpperCase()} ${path}`, Object.keys(content));
  }
  return out;
}

/**
 * The detail of a 415: which Content-Type the route takes, so a client sending text/plain (or none)
 * learns what to send instead of reading only "Unsupported Media Type".
 */
export function unsupportedMediaTypeDetail(app: OpenAPIHono): (c: Context) => string {
  let types: Map<string, string[]> | undefined;
  return (c) => {
    types ??= bodyTypes(app);
    const route = matchedRoutes(c).findLast((r) => r.method !== "ALL" && r.path !== "*" && r.path !== "/*");
    const expected = route ? types.get(`${c.req.method} ${route.path}`) : undefined;
    const sent = c.req.header("content-type")?.split(";")[0]?.trim() || "no Content-Type";
    return expected?.length
      ? `send the body as ${expected.join(" or ")} with a matching Content-Type header; got ${sent}`
      : `this request body's type (${sent}) is not accepted here`;
  };
}
