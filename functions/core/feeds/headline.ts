/** A news item as dabyl stores and serves it: plain text, absolute link, UTC time. */
export interface Headline {
  /** Stable id derived from source and guid (or canonical link). */
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly summary: string;
  readonly link: string;
  /** ISO 8601 UTC, e.g. 2026-11-30T10:00:00.000Z. */
  readonly publishedAt: string;
  readonly lang: string;
  /** The same story from several sources shares one storyId; defaults to the id. */
  readonly storyId: string;
}

/** An item as a parser read it, before normalization. All fields may be missing or dirty. */
export interface RawItem {
  readonly guid?: string;
  readonly title?: string;
  readonly summary?: string;
  readonly link?: string;
  readonly published?: string;
  readonly lang?: string;
  /** The item's own xml:base, if it declared one. */
  readonly baseUrl?: string;
}

export type FeedFormat = "rss" | "rdf" | "atom" | "json";

export interface ParsedFeed {
  readonly title?: string;
  readonly lang?: string;
  /** The feed's home page (RSS <link>, Atom rel=alternate, JSON Feed home_page_url). */
  readonly baseUrl?: string;
  /** xml:base of the root element, resolved against the feed URL before anything else. */
  readonly xmlBase?: string;
  readonly format?: FeedFormat;
  /** The body was cut short; only the complete items before the cut were read. */
  readonly truncated?: boolean;
  readonly items: readonly RawItem[];
}
