import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { HeadlineStore } from "../../adapters/dynamo/headline-store.js";
import type { Source } from "../../config/sources.js";
import { defaults } from "../../config/settings.js";
import { NotFoundError, ValidationError } from "../../core/errors.js";
import { HeadlinePageSchema, HeadlineSchema, ProblemSchema, problemResponses } from "../schemas.js";

export interface HeadlinesDeps {
  readonly headlines: HeadlineStore;
  readonly sources: readonly Source[];
}

const ListQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2}$/, "must be a two-letter language code such as ru, kk or en")
    .optional()
    .openapi({ example: "ru" }),
  source: z.string().min(1).max(64).optional().openapi({ example: "tengrinews-ru" }),
  limit: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(defaults.maxPageSize, `must be at most ${defaults.maxPageSize}`)
    .default(defaults.pageSize)
    .openapi({ example: 20 }),
  cursor: z.string().min(1).max(2048).optional().openapi({ description: "nextCursor of the previous page" }),
});

const listRoute = createRoute({
  method: "get",
  path: "/headlines",
  summary: "Latest headlines, newest first",
  request: { query: ListQuery },
  responses: {
    200: { description: "One page of headlines", content: { "application/json": { schema: HeadlinePageSchema } } },
    ...problemResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/headlines/{id}",
  summary: "One headline",
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The headline", content: { "application/json": { schema: HeadlineSchema } } },
    404: { description: "No such headline", content: { "application/problem+json": { schema: ProblemSchema } } },
    ...problemResponses,
  },
});

export function registerHeadlines(app: OpenAPIHono, deps: HeadlinesDeps) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    if (q.source && !deps.sources.some((s) => s.id === q.source)) {
      throw new ValidationError("source", `unknown source "${q.source}"; GET /sources lists them`);
    }
    const page = await deps.headlines.list(q);
    return c.json(page, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const item = await deps.headlines.get(id);
    if (!item) throw new NotFoundError(`no headline with id "${id}"`);
    return c.json(item, 200);
  });
}
