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
}

const MAX_SUMMARY = 1000;
const FUTURE_SLACK_MS = 60 * 60 * 1000;

function absolute(link: string | undefined, bases: (string | undefined)[]): string | undefined {
  if (!link) return undefined;
  for (const base of [...bases, undefined]) {
    try {
      const u = new URL(link.trim(), base);
      if (u.protocol === "http:" || u.protocol === "https:") return u.toString();
    } catch {
      // try the next base
    }
  }
  return undefined;
}

function shortLang(tag: string | undefined): string | undefined {
  const m = tag ? /^\s*([a-z]{2})\b/i.exec(tag) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Turns one raw item into a Headline, or a reason it cannot be one
 * (no title and no summary, no usable link).
 */
export function normalizeItem(raw: RawItem, ctx: NormalizeContext): { ok: true; value: Headline } | { ok: false; reason: string } {
  const title = toPlainText(raw.title);
  const summary = truncateWords(toPlainText(raw.summary), MAX_SUMMARY);
  if (!title && !summary) return { ok: false, reason: "item has neither title nor summary" };
  const link = absolute(raw.link, [ctx.feed.baseUrl, ctx.feedUrl]) ?? absolute(raw.guid, [ctx.feed.baseUrl, ctx.feedUrl]);
  if (!link) return { ok: false, reason: `item "${title.slice(0, 60)}" has no usable link` };
  const published = parseFeedDate(raw.published, ctx.timezone);
  const latest = ctx.fetchedAt.getTime() + FUTURE_SLACK_MS;
  const publishedAt = !published || published.getTime() > latest ? ctx.fetchedAt : published;
  const id = headlineId(ctx.sourceId, raw.guid, link);
  return {
    ok: true,
    value: {
      id,
      source: ctx.sourceId,
      title: title || truncateWords(summary, 160),
      summary,
      link: canonicalLink(link),
      publishedAt: publishedAt.toISOString(),
      lang: shortLang(raw.lang) ?? shortLang(ctx.feed.lang) ?? ctx.sourceLang ?? "und",
      storyId: id,
    },
  };
}
