import type { Source } from "../../config/sources.js";
import { FeedError, err, ok, type Result } from "../errors.js";
import { decodeBodyLoading } from "./decode-body.js";
import type { Headline, ParsedFeed } from "./headline.js";
import { loadLanguageGuesser } from "./guess-language.js";
import { mayGuessLanguage, normalizeItem } from "./normalize-item.js";
import { FeedParseError, parseFeed } from "./parse-feed.js";
import { JsonFeedError, looksLikeJson, parseJsonFeed } from "./parse-json-feed.js";
import { sanitizeXml } from "./sanitize-xml.js";

export interface ReadFeedInput {
  readonly source: Source;
  readonly body: Uint8Array;
  readonly contentType?: string;
  /** URL the body came from, after redirects. */
  readonly url: string;
  readonly fetchedAt: Date;
  readonly defaultTimezone: string;
}

export interface ReadFeedOutput {
  readonly headlines: Headline[];
  /** Ids whose publishedAt is the fetch time, not a date from the feed (no date, or in the future). */
  readonly guessedDates: ReadonlySet<string>;
  /** Items dropped, with the reason (no link, no text). */
  readonly skipped: string[];
  /** Things a person should know although the feed was read, e.g. "truncated: kept 3 complete items". */
  readonly warnings: string[];
  readonly charset: string;
}

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

const notAFeed = (why: string, cause?: unknown) => err(new FeedError("not_a_feed", `not a feed: ${why}`, { cause }));

async function parseText(text: string, contentType: string | undefined): Promise<Result<{ feed: ParsedFeed; warnings: string[] }, FeedError>> {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (HTML_START.test(text.slice(0, 2048))) return notAFeed(type && /html/.test(type) ? `got ${type}` : "got an HTML page");
  if (!text.trim()) return notAFeed("the body is empty");
  try {
    if (looksLikeJson(text, contentType)) return ok({ feed: parseJsonFeed(text), warnings: [] });
    const clean = sanitizeXml(text);
    if (!clean) return notAFeed("broken XML (a DOCTYPE that never ends)");
    const feed = await parseFeed(clean.xml);
    const warnings: string[] = [];
    if (clean.declaredEntities) warnings.push("ignored the entity declarations in the feed's DOCTYPE (never expanded)");
    if (clean.droppedEntities > 0) warnings.push(`dropped ${clean.droppedEntities} undefined entity reference(s)`);
    if (feed.truncated) warnings.push(`truncated: kept ${feed.items.length} complete items`);
    return ok({ feed, warnings });
  } catch (e) {
    if (e instanceof FeedParseError || e instanceof JsonFeedError) {
      return notAFeed(type && /html/.test(type) ? `got ${type}` : e.message, e);
    }
    throw e;
  }
}

/** The whole ingest path short of storage: decode, sanitize, parse, normalize, identify. */
export async function readFeed(input: ReadFeedInput): Promise<Result<ReadFeedOutput, FeedError>> {
  const decoded = await decodeBodyLoading(input.body, input.contentType);
  const parsed = await parseText(decoded.text, input.contentType);
  if (!parsed.ok) return parsed;
  const { feed, warnings } = parsed.value;
  const headlines: Headline[] = [];
  const guessedDates = new Set<string>();
  const skipped: string[] = [];
  if (mayGuessLanguage(feed, input.source.lang)) await loadLanguageGuesser();
  const ctx = {
    sourceId: input.source.id,
    feedUrl: input.url,
    feed,
    sourceLang: input.source.lang,
    timezone: input.source.timezone ?? input.defaultTimezone,
    fetchedAt: input.fetchedAt,
  };
  for (const raw of feed.items) {
    const r = normalizeItem(raw, ctx);
    if (!r.ok) {
      skipped.push(r.reason);
      continue;
    }
    headlines.push(r.value.headline);
    if (r.value.dateGuessed) guessedDates.add(r.value.headline.id);
  }
  if (feed.items.length > 0 && headlines.length === 0) return notAFeed(`none of its ${feed.items.length} items is usable (${skipped[0]})`);
  return ok({ headlines, guessedDates, skipped, warnings, charset: decoded.charset });
}
