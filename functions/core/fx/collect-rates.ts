/** The part both NBK formats share: validate every item, keep the good, explain the rest. */
import { FeedError, err, ok, type Result } from "../errors.js";
import { toNbkRate } from "./to-nbk-rate.js";
import type { XmlValue } from "./read-nbk-xml.js";
import type { IsoDate, NbkRate, NbkSnapshot, RejectedRate } from "./types.js";

export function collectRates(
  items: readonly XmlValue[],
  dateOf: (item: XmlValue) => IsoDate | { reason: string },
): Result<NbkSnapshot, FeedError> {
  if (items.length === 0) return err(new FeedError("empty_feed", "the NBK document lists no currencies"));
  const byCode = new Map<string, NbkRate>();
  const rejected: RejectedRate[] = [];
  for (const item of items) {
    const date = dateOf(item);
    if (typeof date !== "string") {
      rejected.push({ code: codeOf(item), reason: date.reason });
      continue;
    }
    const result = toNbkRate(item, date);
    if (!result.ok) {
      rejected.push(result.rejected);
    } else {
      const seen = byCode.get(result.rate.code);
      // A code listed twice keeps its newest date; the other copy is reported, not silently dropped.
      if (seen === undefined || result.rate.date > seen.date) {
        if (seen) rejected.push({ code: seen.code, reason: `listed twice; kept the ${result.rate.date} rate over ${seen.date}` });
        byCode.set(result.rate.code, result.rate);
      } else {
        rejected.push({ code: result.rate.code, reason: `listed twice; kept the ${seen.date} rate over ${result.rate.date}` });
      }
    }
  }
  const rates = [...byCode.values()];
  if (rates.length === 0) {
    const why = rejected.map((r) => `${r.code || "?"}: ${r.reason}`).join("; ");
    return err(new FeedError("no_valid_rates", `all ${rejected.length} NBK rates were rejected (${why})`));
  }
  const date = rates.reduce((max, r) => (r.date > max ? r.date : max), rates[0]!.date);
  return ok({ date, rates, rejected });
}

function codeOf(item: XmlValue): string {
  const title = typeof item === "object" && !Array.isArray(item) ? item.title : undefined;
  return typeof title === "string" ? title.trim().toUpperCase() : "";
}
