/** Reads https://nationalbank.kz/rss/get_rates.cfm?fdate=dd.mm.yyyy (root <rates>, one <date> for all items). */
import { FeedError, err, type Result } from "../errors.js";
import { fromNbkDate } from "./calendar-date.js";
import { childOf, readNbkXml, textOf } from "./read-nbk-xml.js";
import { collectRates } from "./collect-rates.js";
import type { NbkSnapshot } from "./types.js";

export function parseNbkDaily(xml: string): Result<NbkSnapshot, FeedError> {
  const doc = readNbkXml(xml);
  if (!doc.ok) return doc;
  const root = childOf(doc.value, "rates");
  if (root === undefined || typeof root === "string" || Array.isArray(root)) {
    return err(new FeedError("not_nbk_rates", "not an NBK daily rates document: no <rates> root"));
  }
  const raw = textOf(root, "date");
  const date = raw === undefined ? undefined : fromNbkDate(raw);
  if (date === undefined) {
    const what = raw === undefined ? "has no <date>" : `has <date>${raw}</date>, not dd.mm.yyyy`;
    return err(new FeedError("bad_date", `the NBK daily document ${what}`));
  }
  const items = childOf(root, "item");
  return collectRates(Array.isArray(items) ? items : [], () => date);
}
