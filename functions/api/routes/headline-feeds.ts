import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { HeadlineFilters, listParam, searchRequestFor } from "../headline-filters.js";
import { groupByStory, toApiHeadline } from "../headline-schemas.js";
import { JsonFeedSchema } from "../json-feed-schema.js";
import { publicBase, type PublicUrl } from "../public-base.js";
import { FEED_CONTENT_TYPES, renderFeed, type FeedFormat } from "../render-feed.js";
import { problemResponses } from "../schemas.js";
import type { HeadlinesDeps } from "./headlines.js";

const FORMATS: { format: FeedFormat; ext: string; name: string; example: string }[] = [
  { format: "rss", ext: "rss", name: "RSS 2.0", example: '<?xml version="1.0" encoding="utf-8"?><rss version="2.0">…</rss>' },
  { format: "atom", ext: "atom", name: "Atom 1.0", example: '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">…</feed>' },
  { format: "json", ext: "json", name: "JSON Feed 1.1", example: '{"version":"https://jsonfeed.org/version/1.1","title":"dabyl","items":[]}' },
];

function describeFilters(f: Record<string, unknown>): string {
  const parts = ["q", "topic", "source", "lang", "since", "until"].filter((k) => f[k] !== undefined).map((k) => `${k}: ${String(f[k])}`);
  return parts.length ? parts.join(", ") : "all headlines";
}

/** GET /headlines.rss, .atom and .json: any search as a feed a reader can follow. */
export function registerHeadlineFeeds(app: OpenAPIHono, deps: HeadlinesDeps & { readonly publicUrl?: PublicUrl }) {
  for (const { format, ext, name, example } of FORMATS) {
    const mediaType = FEED_CONTENT_TYPES[format].split(";")[0] as string;
    const route = createRoute({
      method: "get",
      path: `/headlines.${ext}`,
      summary: `Headlines as ${name}`,
      description: "The same filters as GET /headlines; the newest `limit` entries (cursor pages back).",
      request: { query: HeadlineFilters },
      responses: {
        200: {
          description: `An ${name} document`,
          content: { [mediaType]: { schema: format === "json" ? JsonFeedSchema : z.string().openapi({ example }) } },
        },
        ...problemResponses,
      },
    });
    app.openapi(route, async (c) => {
      const filters = c.req.valid("query");
      const page = await deps.search.search(await searchRequestFor(filters, deps.sources, deps.searchScanLimit));
      const url = new URL(c.req.url);
      url.searchParams.delete("cursor");
      const query = url.searchParams.toString();
      // Links come from the configured public URL: a forged Host header must not end up in a cached feed.
      const base = publicBase(c, deps.publicUrl);
      const at = (path: string) => `${base}${path}${query ? `?${query}` : ""}`;
      const langs = listParam(filters.lang, true);
      // A feed entry is one story: the lead of each group (its other sources are not a feed concept).
      const items = (filters.group === "story" ? groupByStory(page.items) : page.items).map(toApiHeadline);
      const body = await renderFeed(format, items, {
        title: filters.q || filters.topic ? `dabyl: ${filters.q ?? filters.topic}` : "dabyl: Kazakhstan headlines",
        description: `Headlines from Kazakhstan's news (${describeFilters(filters)})`,
        self: { rss: at("/headlines.rss"), atom: at("/headlines.atom"), json: at("/headlines.json") },
        home: at("/headlines"),
        lang: langs.length === 1 ? langs[0] : undefined,
      });
      return c.body(body, 200, { "Content-Type": FEED_CONTENT_TYPES[format], "Cache-Control": "public, max-age=300" });
    });
  }
}
