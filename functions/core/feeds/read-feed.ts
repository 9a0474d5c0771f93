import type { Source } from "../../config/sources.js";
import { FeedError, err, ok, type Result } from "../errors.js";
import { decodeBody } from "./decode-body.js";
import type { Headline } from "./headline.js";
import { normalizeItem } from "./normalize-item.js";
import { parseFeed } from "./parse-feed.js";

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
  /** Items dropped, with the reason (no link, no text). */
  readonly skipped: string[];
}

/** The whole ingest path short of storage: decode, parse, normalize. */
export async function readFeed(input: ReadFeedInput): Promise<Result<ReadFeedOutput, FeedError>> {
  const text = decodeBody(input.body, input.contentType);
  let feed;
  try {
    feed = await parseFeed(text);
  } catch (e) {
    const type = input.contentType?.split(";")[0]?.trim();
    const why = type && /html/i.test(type) ? `got ${type}` : (e as Error).message.split("\n")[0];
    return err(new FeedError("not_a_feed", `not a feed: ${why}`, { cause: e }));
  }
  const headlines: Headline[] = [];
  const skipped: string[] = [];
  for (const raw of feed.items) {
    const r = normalizeItem(raw, {
      sourceId: input.source.id,
      feedUrl: input.url,
      feed,
      sourceLang: input.source.lang,
      timezone: input.source.timezone ?? input.defaultTimezone,
      fetchedAt: input.fetchedAt,
    });
    if (r.ok) headlines.push(r.value);
    else skipped.push(r.reason);
  }
  return ok({ headlines, skipped });
}
