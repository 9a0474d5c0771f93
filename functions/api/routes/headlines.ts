import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { HeadlineSearch } from "../../adapters/dynamo/headline-search.js";
import type { HeadlineStore } from "../../adapters/dynamo/headline-store.js";
import type { Source } from "../../config/sources.js";
import { NotFoundError } from "../../core/errors.js";
import { HeadlineFilters, searchRequestFor } from "../headline-filters.js";
import { groupByStory, HeadlineListSchema, toApiHeadline } from "../headline-schemas.js";
import { HeadlineSchema, ProblemSchema, problemResponses } from "../schemas.js";

export interface HeadlinesDeps {
  readonly headlines: HeadlineStore;
  readonly search: HeadlineSearch;
  readonly sources: readonly Source[];
  /** Headlines read at most per request while q/topic filters in memory (default 1000). */
  readonly searchScanLimit?: number;
}

const listRoute = createRoute({
  method: "get",
  path: "/headlines",
  summary: "Search and list headlines, newest first",
  description:
    "Ordered by publishedAt, newest first, then by id. With q or topic the newest-first index is read in pages and " +
    "matched in memory, at most a bounded number of headlines per request: a page may then hold fewer than limit " +
    "items (even none) with a nextCursor and scan.limitReached = true; follow nextCursor to search further back, " +
    "or narrow the search with since/until, source or lang.",
  request: { query: HeadlineFilters },
  responses: {
    200: { description: "One page of headlines", content: { "application/json": { schema: HeadlineListSchema } } },
    ...problemResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/headlines/{id}",
  summary: "One headline",
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ example: "Xk3fP0q9LmT2aBcD" }) }) },
  responses: {
    200: { description: "The headline", content: { "application/json": { schema: HeadlineSchema } } },
    404: { description: "No such headline", content: { "application/problem+json": { schema: ProblemSchema } } },
    ...problemResponses,
  },
});

export function registerHeadlines(app: OpenAPIHono, deps: HeadlinesDeps) {
  app.openapi(listRoute, async (c) => {
    const filters = c.req.valid("query");
    const page = await deps.search.search(await searchRequestFor(filters, deps.sources, deps.searchScanLimit));
    const items = filters.group === "story" ? groupByStory(page.items) : page.items.map(toApiHeadline);
    c.header("Cache-Control", "public, max-age=60");
    return c.json(
      {
        items,
        nextCursor: page.nextCursor,
        scan: { examined: page.examined, limitReached: page.scanLimitReached, oldestExamined: page.oldestExamined },
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const item = await deps.headlines.get(id);
    if (!item) throw new NotFoundError(`no headline with id "${id}"`);
    c.header("Cache-Control", "public, max-age=300");
    return c.json(toApiHeadline(item), 200);
  });
}
