import { z } from "@hono/zod-openapi";

const Author = z.object({ name: z.string() }).openapi("JsonFeedAuthor");

export const JsonFeedItemSchema = z
  .object({
    id: z.string().openapi({ description: "Stable across hosts and deployments: urn:dabyl:headline:<id>", example: "urn:dabyl:headline:Xk3fP0q9LmT2aBcD" }),
    url: z.string().openapi({ description: "The publisher's article", example: "https://tengrinews.kz/kazakhstan_news/a-story/" }),
    title: z.string(),
    content_text: z.string().openapi({ description: "The summary as plain text, or the title when the source gives none" }),
    date_published: z.string().openapi({ description: "RFC 3339", example: "2026-11-30T05:07:00.000Z" }),
    language: z.string().openapi({ example: "ru" }),
    authors: z.array(Author).openapi({ description: "The source (GET /sources id)" }),
  })
  .openapi("JsonFeedItem");

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as GET /headlines.json writes it. */
export const JsonFeedSchema = z
  .object({
    version: z.literal("https://jsonfeed.org/version/1.1"),
    title: z.string(),
    description: z.string(),
    home_page_url: z.string().openapi({ description: "The same search as GET /headlines" }),
    feed_url: z.string().openapi({ description: "This feed, without cursor" }),
    language: z.string().optional().openapi({ description: "Present when the search is in one language", example: "ru" }),
    authors: z.array(Author),
    items: z.array(JsonFeedItemSchema),
  })
  .openapi("JsonFeed");

export type JsonFeed = z.infer<typeof JsonFeedSchema>;
