import { lazy } from "../load-once.js";
import type { FeedFormat, ParsedFeed, RawItem } from "./headline.js";

type FeedExtra = { language?: string; "dc:language"?: string };
type ItemExtra = { "dc:date"?: string; "dc:language"?: string; description?: string; updated?: string; published?: string };

/** Text that could not be read as a feed; the message is meant for GET /sources. */
export class FeedParseError extends Error {}

// One parser per process: construction is cheap, but there is no reason to repeat it per feed.
// Loaded with the first XML body, not at import: rss-parser and xml2js are 230 KiB that an API cold
// start, a JSON feed or a poll answered only with 304s never needs.
// defaultRSS: an <rss> root without a version attribute is read as RSS 2.0 instead of refused.
const rssParser = lazy(async () => {
  const { default: RssParser } = await import("rss-parser");
  return new RssParser<FeedExtra, ItemExtra>({
    defaultRSS: 2,
    customFields: { feed: ["language", "dc:language"], item: ["dc:date", "dc:language", "description", "updated", "published"] },
  });
});

const str = (v: unknown): string | undefined => {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "_" in v && typeof (v as { _: unknown })._ === "string") return (v as { _: string })._;
  return undefined;
};

const ROOT = /<(rss|rdf:RDF|feed)(?=[\s>/])([^>]*)>/;
const ITEM_OPEN = /<(item|entry)(?=[\s>/])([^>]*)>/g;
const attr = (attrs: string | undefined, name: string) =>
  attrs ? new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(attrs)?.[1] : undefined;

function formatOf(root: string | undefined): FeedFormat {
  return root === "feed" ? "atom" : root === "rdf:RDF" ? "rdf" : "rss";
}

/** rss-parser drops attributes; xml:base and xml:lang are read from the opening tags instead. */
function readRootAndBases(xml: string) {
  const root = ROOT.exec(xml);
  const bases: (string | undefined)[] = [];
  // Only scan items when some element declares xml:base: most feeds do not, and skipping it keeps parsing lean.
  if (xml.includes("xml:base")) {
    for (const m of xml.matchAll(ITEM_OPEN)) bases.push(attr(m[2], "xml:base"));
  }
  return { root: root?.[1], xmlBase: attr(root?.[2], "xml:base"), xmlLang: attr(root?.[2], "xml:lang"), bases };
}

/** For a body cut off mid-item: keep everything up to the last complete item and close the root. */
function repairTruncated(xml: string, root: string | undefined): string | undefined {
  const closer = root === "feed" ? "</entry>" : "</item>";
  const at = xml.lastIndexOf(closer);
  if (at < 0) return undefined;
  const tail = root === "feed" ? "</feed>" : root === "rdf:RDF" ? "</rdf:RDF>" : "</channel></rss>";
  return xml.slice(0, at + closer.length) + tail;
}

function describeXmlError(e: unknown): string {
  const lines = String((e as Error).message ?? e).split("\n");
  const line = lines.find((l) => l.startsWith("Line:"));
  const what = lines[0] ?? "unreadable";
  if (/not recognized as RSS/i.test(what)) return "XML, but not RSS, RDF or Atom";
  return `broken XML (${what}${line ? `, line ${Number(line.slice(5)) + 1}` : ""})`;
}

/** Parses sanitized RSS 0.9x/2.0, RDF and Atom text into raw items; throws FeedParseError. */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  const meta = readRootAndBases(xml);
  const parser = await rssParser.load();
  let out;
  let truncated = false;
  try {
    out = await parser.parseString(xml);
  } catch (e) {
    const repaired = meta.root && /unclosed|unexpected end/i.test(String((e as Error).message)) ? repairTruncated(xml, meta.root) : undefined;
    if (!repaired) throw new FeedParseError(describeXmlError(e));
    try {
      out = await parser.parseString(repaired);
      truncated = true;
    } catch {
      throw new FeedParseError(describeXmlError(e));
    }
  }
  const items: RawItem[] = out.items.map((it, i) => ({
    guid: str(it.guid) ?? str((it as { id?: unknown }).id),
    title: str(it.title),
    summary: str(it.summary) ?? str(it.content) ?? str(it.description),
    link: str(it.link),
    published: str(it.pubDate) ?? str(it["dc:date"]) ?? str(it.published) ?? str(it.updated) ?? str(it.isoDate),
    lang: str(it["dc:language"]),
    baseUrl: meta.bases[i],
  }));
  return {
    title: out.title,
    lang: str(out.language) ?? str(out["dc:language"]) ?? meta.xmlLang,
    baseUrl: out.link,
    xmlBase: meta.xmlBase,
    format: formatOf(meta.root),
    truncated,
    items,
  };
}
