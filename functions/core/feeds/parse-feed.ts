import Parser from "rss-parser";
import type { ParsedFeed, RawItem } from "./headline.js";

type FeedExtra = { language?: string };
type ItemExtra = { "dc:date"?: string; "dc:language"?: string; description?: string; updated?: string; published?: string };

// One parser per process: construction is cheap, but there is no reason to repeat it per feed.
const parser: Parser<FeedExtra, ItemExtra> = new Parser({
  customFields: { feed: ["language"], item: ["dc:date", "dc:language", "description", "updated", "published"] },
});

const str = (v: unknown): string | undefined => {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "_" in v && typeof (v as { _: unknown })._ === "string") return (v as { _: string })._;
  return undefined;
};

/** Parses RSS 0.9x/2.0, RDF and Atom text into raw items; throws on text that is not a feed. */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  const out = await parser.parseString(xml);
  const items: RawItem[] = out.items.map((it) => ({
    guid: str(it.guid) ?? str((it as { id?: unknown }).id),
    title: str(it.title),
    summary: str(it.summary) ?? str(it.content) ?? str(it.description),
    link: str(it.link),
    published: str(it.pubDate) ?? str(it["dc:date"]) ?? str(it.published) ?? str(it.updated) ?? str(it.isoDate),
    lang: str(it["dc:language"]),
  }));
  return { title: out.title, lang: str(out.language), baseUrl: out.link, items };
}
