/**
 * Fills FX history day by day from the NBK's get_rates.cfm?fdate=dd.mm.yyyy, politely: one request
 * at a time with a pause between, days already stored skipped, and a stop after a few failures in a
 * row so a broken or blocking server is not hammered. History only: latest is the poller's job.
 */
import type { FxStore } from "../adapters/dynamo/fx-store.js";
import type { FetchFeed } from "../adapters/http/fetch-feed.js";
import { nbkDailyUrl } from "../config/fx.js";
import { addDays, almatyDate, parseNbkDaily, toNbkDate, type IsoDate } from "../core/fx/index.js";
import type { Logger } from "../core/logger.js";

export interface BackfillFxDeps {
  readonly fetchFeed: FetchFeed;
  readonly fx: FxStore;
  readonly log: Logger;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface BackfillFxOptions {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Folder holding get_rates.cfm, e.g. https://nationalbank.kz/rss */
  readonly baseUrl: string;
  readonly pauseMs: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Stamped on stored points; default "nbk-rates". */
  readonly source?: string;
  /** Failures in a row before giving up; default 3. */
  readonly maxConsecutiveFailures?: number;
}

export interface BackfillFxReport {
  readonly days: number;
  readonly skipped: number;
  /** Days with rates stored. */
  readonly stored: number;
  readonly rates: number;
  /** Days the NBK published nothing for (weekends, holidays). */
  readonly empty: number;
  readonly failed: { readonly date: IsoDate; readonly error: string }[];
  /** Set when the run stopped early; the days after it were not tried. */
  readonly aborted?: string;
}

export async function backfillFx(deps: BackfillFxDeps, opts: BackfillFxOptions): Promise<BackfillFxReport> {
  const source = opts.source ?? "nbk-rates";
  const maxFailures = opts.maxConsecutiveFailures ?? 3;
  const failed: { date: IsoDate; error: string }[] = [];
  let days = 0;
  let skipped = 0;
  let stored = 0;
  let rates = 0;
  let empty = 0;
  let inARow = 0;
  let requested = false;
  for (let date = opts.from; date <= opts.to; date = addDays(date, 1)) {
    days++;
    if (await deps.fx.fetchedDay(date)) {
      skipped++;
      continue;
    }
    if (requested && opts.pauseMs > 0) await deps.sleep(opts.pauseMs);
    requested = true;
    const url = nbkDailyUrl(opts.baseUrl, toNbkDate(date));
    const fetched = await deps.fetchFeed(url, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes });
    const parsed = fetched.ok ? parseNbkDaily(new TextDecoder("utf-8").decode(fetched.value.body)) : fetched;
    const fetchedAt = deps.now().toISOString();
    if (parsed.ok) {
      const snapshot = parsed.value;
      await deps.fx.putHistory(snapshot.rates.map((r) => ({ ...r, source })));
      await deps.fx.markFetched({ date, published: snapshot.date, count: snapshot.rates.length, fetchedAt });
      for (const r of snapshot.rejected) deps.log.warn("NBK rate refused", { date, code: r.code, reason: r.reason });
      deps.log.info(`stored ${snapshot.rates.length} rates for ${date}`, { date, published: snapshot.date, rates: snapshot.rates.length });
      stored++;
      rates += snapshot.rates.length;
      inARow = 0;
    } else if (parsed.error.code === "empty_feed") {
      // A well-formed document with no currencies: nothing was published that day. Today may still
      // get its rates later, so only past days are remembered as empty.
      if (date < almatyDate(deps.now())) await deps.fx.markFetched({ date, published: null, count: 0, fetchedAt });
      deps.log.info(`no rates published for ${date} (weekend or holiday)`, { date });
      empty++;
      inARow = 0;
    } else {
      failed.push({ date, error: parsed.error.message });
      deps.log.warn(`could not read rates for ${date}; will retry on the next run`, { date, error: parsed.error.message });
      if (++inARow >= maxFailures) {
        const aborted = `stopped after ${inARow} failures in a row (last: ${parsed.error.message}); rerun later to continue from ${date}`;
        deps.log.error(aborted, { date });
        return { days, skipped, stored, rates, empty, failed, aborted };
      }
    }
  }
  return { days, skipped, stored, rates, empty, failed };
}
