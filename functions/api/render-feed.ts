import type { Item } from "feed";
import type { Headline } from "../core/feeds/headline.js";
import type { JsonFeed } from "./json-feed-schema.js";

export type FeedFormat = "rss" | "atom" | "json";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

export interface FeedMeta {
  readonly title: string;
  readonly description: string;
  /** Absolute URLs of this search in each format (without cursor): each format's self link. */
  readonly self: Record<FeedFormat, string>;
  /** The same search as the JSON list API. */
  readonly home: string;
  /** Set when the search is in one language. */
  readonly lang?: string | undefined;
}

// XML 1.0 forbids most control characters, and "]]>" would end the CDATA sections the library writes.
const plain = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
const clean = (s: string) => plain(s).replace(/]]>/g, "]] >");

/** A headline's id in every format: independent of the host and URL that served the feed, so readers never see it twice. */
export const itemId = (id: string) => `urn:dabyl:headline:${encodeURIComponent(id)}`;
const escapeHtml = (s: string) => clean(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * RSS 2.0, Atom 1.0 or JSON Feed 1.1 for a page of headlines. Titles are text in RSS and JSON Feed but
 * HTML in the library's Atom output, and summaries are HTML everywhere, so each is escaped where the
 * format reads HTML. The feed's date is its newest item's, so the body (and its ETag) only changes
 * when the headlines do. The feed library (with its XML writer) loads on the first feed requested,
 * not with the API: most cold starts serve JSON.
 */
export async function renderFeed(format: FeedFormat, items: readonly Headline[], meta: FeedMeta): Promise<string> {
  if (format === "json") return JSON.stringify(jsonFeed(items, meta));
  const { Feed } = await import("feed");
  const newest = items[0] ? new Date(items[0].publishedAt) : new Date(0);
  const feed = new Feed({
    id: meta.self[format],
    title: meta.title,
    description: meta.description,
    link: meta.home,
    ...(meta.lang ? { language: meta.lang } : {}),
    updated: newest,
    generator: "dabyl",
    copyright: "Headlines belong to their publishers",
    ttl: 5,
    feedLinks: { rss: meta.self.rss, atom: meta.self.atom, json: meta.self.json },
    // Atom needs an author on the feed when entries carry none.
    author: { name: "dabyl" },
  });
  for (const h of items) {
    const date = new Date(h.publishedAt);
    const item: Item = {
      title: format === "atom" ? escapeHtml(h.title) : clean(h.title),
      id: itemId(h.id),
      link: h.link,
      description: h.summary ? escapeHtml(h.summary) : escapeHtml(h.title),
      date,
      published: date,
    };
    feed.addItem(item);
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}

/**
 * JSON Feed 1.1 written directly: it is plain JSON, and the library only writes 1.0 (author, no language,
 * no content_text). Text stays as it is: escaping for XML has no place here.
 */
function jsonFeed(items: readonly Headline[], meta: FeedMeta): JsonFeed {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    description: meta.description,
    home_page_url: meta.home,
    feed_url: meta.self.json,
    ...(meta.lang ? { language: meta.lang } : {}),
    authors: [{ name: "dabyl" }],
    items: items.map((h) => ({
      id: itemId(h.id),
      url: h.link,
      title: plain(h.title),
      content_text: plain(h.summary?.trim() ? h.summary : h.title),
      date_published: new Date(h.publishedAt).toISOString(),
      language: h.lang,
      authors: [{ name: h.source }],
    })),
  };
}
