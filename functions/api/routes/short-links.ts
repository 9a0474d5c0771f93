import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ShortLinkStore } from "../../adapters/dynamo/short-link-store.js";
import { NotFoundError } from "../../core/errors.js";
import { ShortIdParam } from "../alert-schemas.js";
import { ProblemSchema, problemResponses } from "../schemas.js";

export interface ShortLinksDeps {
  readonly alertStores?: { readonly shortLinks: ShortLinkStore } | undefined;
  readonly now?: (() => Date) | undefined;
}

const route = createRoute({
  method: "get",
  path: "/h/{shortId}",
  summary: "Short link from an SMS alert: redirects to the article",
  request: { params: ShortIdParam },
  responses: {
    302: { description: "Redirect to the article (Location)" },
    404: { description: "Unknown or expired link", content: { "application/problem+json": { schema: ProblemSchema } } },
    ...problemResponses,
  },
});

export function registerShortLinks(app: OpenAPIHono, deps: ShortLinksDeps): void {
  const links = deps.alertStores?.shortLinks;
  if (!links) return;
  app.openapi(route, async (c) => {
    const url = await links.resolve(c.req.valid("param").shortId, (deps.now ?? (() => new Date()))());
    if (!url) throw new NotFoundError("this link is unknown or has expired");
    // Only links dabyl stored itself can be followed, so this is no open redirect.
    c.header("Cache-Control", "public, max-age=86400");
    return c.redirect(url, 302) as never;
  });
}
