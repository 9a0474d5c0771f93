/**
 * Compares latest rates before and after a poll against users' conditions. A level fires when the
 * rate crosses it (before on the other side, or no rate before), not on every poll while it stays
 * there; a move fires when a new rate differs from the previous one by more than the percentage.
 */
import { pairRate } from "./cross-rate.js";
import { formatRate } from "./format-rate.js";
import type { FxCondition } from "./parse-fx-condition.js";
import type { IsoDate, LatestRates } from "./types.js";

export interface FxAlertEvent {
  readonly conditionId: string;
  readonly kind: FxCondition["kind"];
  /** "USD/KZT" */
  readonly pair: string;
  readonly rate: number;
  /** null when the pair had no rate before this poll. */
  readonly previousRate: number | null;
  readonly date: IsoDate;
  /** "USD/KZT rose above 520: 521.30 on 2026-11-30 (was 518.90)" */
  readonly text: string;
}

export function evaluateFxConditions(
  conditions: readonly { readonly id: string; readonly condition: FxCondition }[],
  before: LatestRates | undefined,
  after: LatestRates,
): FxAlertEvent[] {
  const events: FxAlertEvent[] = [];
  for (const { id, condition: c } of conditions) {
    const now = pairRate(after, c.base, c.quote);
    if (now === undefined) continue;
    const was = before ? pairRate(before, c.base, c.quote) : undefined;
    const event = (text: string): FxAlertEvent => ({
      conditionId: id, kind: c.kind, pair: c.pair, rate: now.rate, previousRate: was?.rate ?? null, date: now.date, text,
    });
    const tail = `${formatRate(now.rate)} on ${now.date}${was ? ` (was ${formatRate(was.rate)})` : ""}`;
    if (c.kind === "above" && now.rate > c.threshold && (!was || was.rate <= c.threshold)) {
      events.push(event(`${c.pair} ${was ? "rose" : "is"} above ${c.threshold}: ${tail}`));
    } else if (c.kind === "below" && now.rate < c.threshold && (!was || was.rate >= c.threshold)) {
      events.push(event(`${c.pair} ${was ? "fell" : "is"} below ${c.threshold}: ${tail}`));
    } else if (c.kind === "move" && was && now.rate !== was.rate) {
      const move = ((now.rate - was.rate) / was.rate) * 100;
      if (Math.abs(move) > c.percent) {
        const verb = move > 0 ? "rose" : "fell";
        events.push(event(`${c.pair} ${verb} ${Math.abs(move).toFixed(2)}% since ${was.date}: ${tail}`));
      }
    }
  }
  return events;
}
