/**
 * The hourly FX poll: fetch the NBK rates feed, validate, decide what becomes latest, store, and hand
 * threshold-crossing events to the alerts hook. A failing source leaves latest untouched (it then
 * reads as stale); a single bad value (0.0, empty) is dropped by the parser and the rest go on.
 */
import type { FetchFeed } from "../adapters/http/fetch-feed.js";
import type { FxStore } from "../adapters/dynamo/fx-store.js";
import type { SourceStateStore } from "../adapters/dynamo/source-state-store.js";
import type { FxPollSettings } from "../config/fx.js";
import type { Source } from "../config/sources.js";
import { emptyState, nextState } from "../core/feeds/source-state.js";
import { acceptRates, evaluateFxConditions, parseNbkRss, type FxAlertEvent, type FxCondition, type RateEvent } from "../core/fx/index.js";
import type { Logger } from "../core/logger.js";

/** A user's threshold condition, as the alerts feature stores it. */
export interface FxConditionEntry {
  readonly id: string;
  readonly condition: FxCondition;
}

export interface PollFxDeps {
  readonly fetchFeed: FetchFeed;
  readonly fx: FxStore;
  readonly states: SourceStateStore;
  readonly log: Logger;
  readonly now: () => Date;
  readonly settings: FxPollSettings;
  /** The conditions to evaluate after each poll; none when absent. */
  readonly fxConditions?: () => Promise<readonly FxConditionEntry[]>;
  /** Receives the events of conditions that fired (only called with at least one event). */
  readonly onFxEvents?: (events: FxAlertEvent[]) => Promise<void>;
}

export interface FxPollReport {
  readonly sourceId: string;
  readonly ok: boolean;
  readonly error?: string;
  /** Valid rates in the document. */
  readonly rates: number;
  /** Latest rates written. */
  readonly changed: number;
  /** Values refused by the parser (0.0, empty, not a number). */
  readonly rejected: number;
  readonly suspects: number;
  /** Alert events handed to onFxEvents. */
  readonly alerts: number;
  readonly ms: number;
}

const decoder = new TextDecoder("utf-8");
const QUIET: ReadonlySet<RateEvent["kind"]> = new Set(["first_seen", "accepted"]);

async function pollOne(deps: PollFxDeps, source: Source): Promise<FxPollReport> {
  const started = deps.now();
  const t0 = performance.now();
  const log = deps.log.child({ sourceId: source.id });
  const base = { sourceId: source.id, rates: 0, changed: 0, rejected: 0, suspects: 0, alerts: 0 };
  let report: Omit<FxPollReport, "ms">;
  try {
    const fetched = await deps.fetchFeed(source.url, { timeoutMs: deps.settings.timeoutMs, maxBytes: deps.settings.maxBytes });
    const parsed = fetched.ok ? parseNbkRss(decoder.decode(fetched.value.body)) : fetched;
    if (!parsed.ok) {
      report = { ...base, ok: false, error: parsed.error.message };
    } else {
      const snapshot = parsed.value;
      for (const r of snapshot.rejected) log.warn("NBK rate refused", { code: r.code, reason: r.reason });
      const [latest, suspects] = await Promise.all([deps.fx.latest(), deps.fx.suspects()]);
      const result = acceptRates({ latest, suspects }, snapshot.rates, { maxDailyMove: deps.settings.maxDailyMove, source: source.id });
      // History first: if the latest write then fails, the next poll rewrites both.
      await deps.fx.putHistory(result.changed);
      // Days written here need no backfill.
      for (const date of new Set(result.changed.map((r) => r.date))) {
        const count = snapshot.rates.filter((r) => r.date === date).length;
        await deps.fx.markFetched({ date, published: date, count, fetchedAt: started.toISOString() });
      }
      await deps.fx.putLatest(result.changed);
      await deps.fx.replaceSuspects(result.suspects);
      for (const e of result.events) {
        const fields = { code: e.code, kind: e.kind, date: e.date, rate: e.rate, previousRate: e.previousRate, move: e.move };
        if (QUIET.has(e.kind)) log.info(e.message, fields);
        else log.warn(e.message, fields);
      }
      const alerts = await evaluate(deps, latest, result.latest);
      report = {
        ...base,
        ok: true,
        rates: snapshot.rates.length,
        changed: result.changed.length,
        rejected: snapshot.rejected.length,
        suspects: Object.keys(result.suspects).length,
        alerts,
      };
    }
  } catch (e) {
    // Unexpected (a storage outage, a bug): recorded against this source, never thrown past it.
    report = { ...base, ok: false, error: `internal error: ${(e as Error).message}` };
    log.error("FX poll crashed", { err: (e as Error).stack });
  }
  try {
    const prev = (await deps.states.all()).get(source.id) ?? emptyState(source.id);
    const outcome = report.ok ? { ok: true as const, itemCount: report.rates } : { ok: false as const, error: report.error ?? "failed" };
    // No backoff: one request an hour is already polite, and a recovering NBK should be read at once.
    const schedule = { cycleStart: started, cycleMinutes: deps.settings.pollMinutes, maxBackoffMs: 0 };
    await deps.states.put(nextState(prev, outcome, started, schedule));
  } catch (e) {
    log.error("could not record source state", { err: (e as Error).message });
  }
  const out: FxPollReport = { ...report, ms: Math.round(performance.now() - t0) };
  // The child logger already carries sourceId; repeating it writes the key twice into one JSON line.
  const { sourceId: _bound, ...fields } = out;
  if (out.ok) log.info("polled FX source", fields);
  else log.warn("FX source failed; latest rates kept and served as stale", fields);
  return out;
}

/** Runs the conditions against latest before and after this poll; returns how many events went to the hook. */
async function evaluate(deps: PollFxDeps, before: Parameters<typeof evaluateFxConditions>[1], after: Parameters<typeof evaluateFxConditions>[2]): Promise<number> {
  if (!deps.fxConditions) return 0;
  try {
    const conditions = await deps.fxConditions();
    if (conditions.length === 0) return 0;
    const events = evaluateFxConditions(conditions, before && Object.keys(before).length > 0 ? before : undefined, after);
    if (events.length === 0) return 0;
    if (deps.onFxEvents) await deps.onFxEvents(events);
    else deps.log.warn("FX conditions fired but no alerts hook is wired", { count: events.length });
    return events.length;
  } catch (e) {
    // A broken hook must not mark the rates source as failing: the rates were stored.
    deps.log.error("FX alerts hook failed", { err: (e as Error).message });
    return 0;
  }
}

/** Polls every "nbk-rates" source, one after another (they write the same latest rates). */
export async function pollFx(deps: PollFxDeps, sources: readonly Source[]): Promise<FxPollReport[]> {
  const reports: FxPollReport[] = [];
  for (const s of sources) if (s.kind === "nbk-rates") reports.push(await pollOne(deps, s));
  return reports;
}
