/** The FX core's public surface: what jobs, routes and the alerts code import. */
export type { Direction, IsoDate, LatestRates, NbkRate, NbkSnapshot, RatesByCode, RejectedRate, StoredRate, SuspectRate, SuspectsByCode } from "./types.js";
export { parseNbkRss } from "./parse-nbk-rss.js";
export { parseNbkDaily } from "./parse-nbk-daily.js";
export { acceptRates, type AcceptOptions, type AcceptResult, type RateEvent, type RateEventKind, type RateState } from "./accept-rates.js";
export { isStale, type StaleOptions } from "./is-stale.js";
export { addDays, almatyDate, daysBetween, fromNbkDate, isIsoDate, toNbkDate } from "./calendar-date.js";
export { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, parseDateRange, type DateRange } from "./parse-date-range.js";
export { crossHistory, fillHistory, type HistoryPoint, type PublishedPoint } from "./fill-history.js";
export { parsePair, type Pair } from "./parse-pair.js";
export { CROSS_DIGITS, crossRate, pairRate, type PairQuote } from "./cross-rate.js";
export { formatRate } from "./format-rate.js";
export { formatFxCondition, parseFxCondition, type FxCondition } from "./parse-fx-condition.js";
export { evaluateFxConditions, type FxAlertEvent } from "./evaluate-fx-conditions.js";
