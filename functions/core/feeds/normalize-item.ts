import { languageCode } from "../text/language-code.js";
import { guessLanguage } from "./guess-language.js";
import type { Headline, ParsedFeed, RawItem } from "./headline.js";
import { canonicalLink, headlineId } from "./identity.js";
import { parseFeedDate } from "./parse-date.js";
import { toPlainText, truncateWords } from "./plain-text.js";

export interface NormalizeContext {
  readonly sourceId: string;
  /** The feed's own URL: the last resort for resolving relative links. */
  readonly feedUrl: string;
  readonly feed: ParsedFeed;
  /** Language from the source config, used when neither item nor feed says. */
  readonly sourceLang?: string;
  readonly timezone: string;
  readonly fetchedAt: Date;
  /** How far ahead of the fetch a date may be before it is taken for a mistake (default 1 h). */
  readonly futureSlackMs?: number;
}

export interface NormalizedItem {
  readonly headline: Headline;
  /** publishedAt is the fetch time (no date, or one in the future), not a date the feed gave. */
  readonly dateGuessed: boolean;
}

const MAX_SUMMARY = 1000;
const FUTURE_SLACK_MS = 60 * 60 * 1000;

function resolve(ref: string | undefined, base: string | undefined): string | undefined {
  if (!ref) return base;
  try {
    return new URL(ref.trim(), base).toString();
  } catch {
    return base;
  }
}

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link.trim(), base);
    if (u.protocol === "http:" || u.protocol === "https:") return u.toString();
  } catch {
    // not a URL even against the base
  }
  return undefined;
}

/** The base an item's relative links resolve against: item xml:base, feed xml:base, feed URL. */
export function itemBase(raw: RawItem, feed: ParsedFeed, feedUrl: string): string {
  const root = resolve(feed.xmlBase, feedUrl) ?? feedUrl;
  return resolve(raw.baseUrl, root) ?? root;
}

/**
 * True when normalizeItem may have to guess some item's language (guessLanguage): neither the feed
 * nor the source names one and an item does not either. Then loadLanguageGuesser() must be awaited.
 */
export function mayGuessLanguage(feed: ParsedFeed, sourceLang: string | undefined): boolean {
  if (languageCode(feed.lang) !== undefined || languageCode(sourceLang) !== undefined) return false;
  return feed.items.some((raw) => languageCode(raw.lang) === undefined);
}

/**
 * Turns one raw item into a Headline, or a reason it cannot be one
 * (no title and no summary, no usable link).
 */
export function normalizeItem(raw: RawItem, ctx: NormalizeContext): { ok: true; value: NormalizedItem } | { ok: false; reason: string } {
  const title = toPlainText(raw.title);
  const summary = truncateWords(toPlainText(raw.summary), MAX_SUMMARY);
  if (!title && !summary) return { ok: false, reason: "item has neither title nor summary" };
  const base = itemBase(raw, ctx.feed, ctx.feedUrl);
  // A feed's home-page link is a better base than its URL when the feed lives on a CDN, but only without xml:base.
  const fallbackBase = !raw.baseUrl && !ctx.feed.xmlBase && ctx.feed.baseUrl ? resolve(ctx.feed.baseUrl, ctx.feedUrl) : undefined;
  const link =
    absolute(raw.link, fallbackBase ?? base) ?? absolute(raw.link, base) ?? absolute(raw.guid, fallbackBase ?? base);
  if (!link) return { ok: false, reason: `item "${title.slice(0, 60)}" has no usable link` };
  const published = parseFeedDate(raw.published, ctx.timezone);
  const latest = ctx.fetchedAt.getTime() + (ctx.futureSlackMs ?? FUTURE_SLACK_MS);
  const dateGuessed = !published || published.getTime() > latest;
  const publishedAt = dateGuessed ? ctx.fetchedAt : published;
  const id = headlineId(ctx.sourceId, raw.guid, link);
  const shownTitle = title || truncateWords(summary, 160);
  const lang =
    languageCode(raw.lang) ?? languageCode(ctx.feed.lang) ?? languageCode(ctx.sourceLang) ?? guessLanguage(`${shownTitle} ${summary}`) ?? "und";
  return {
    ok: true,
    value: {
      headline: {
        id,
        source: ctx.sourceId,
        title: shownTitle,
        summary,
        link: canonicalLink(link),
        publishedAt: publishedAt.toISOString(),
        lang,
        storyId: id,
      },
      dateGuessed,
    },
  };
}
