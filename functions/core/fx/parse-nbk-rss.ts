/** Reads https://nationalbank.kz/rss/rates_all.xml (RSS 2.0, one <item> per currency, each with its own pubDate). */
import { FeedError, err, type Result } from "../errors.js";
import { fromNbkDate } from "./calendar-date.js";
import { childOf, readNbkXml, textOf } from "./read-nbk-xml.js";
import { collectRates } from "./collect-rates.js";
import type { NbkSnapshot } from "./types.js";

export function parseNbkRss(xml: string): Result<NbkSnapshot, FeedError> {
  const doc = readNbkXml(xml);
  if (!doc.ok) return doc;
  const channel = childOf(childOf(doc.value, "rss"), "channel");
  if (channel === undefined) {
    return err(new FeedError("not_nbk_rates", "not an NBK rates RSS document: no <rss><channel>"));
  }
  const items = childOf(channel, "item");
  return collectRates(Array.isArray(items) ? items : [], (item) => {
    const raw = textOf(item, "pubDate");
    const date = raw === undefined ? undefined : fromNbkDate(raw);
    return date ?? { reason: raw === undefined ? "pubDate is missing" : `pubDate "${raw}" is not a dd.mm.yyyy date` };
  });
}
