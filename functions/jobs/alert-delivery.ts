import type { Headline } from "../core/feeds/headline.js";
import type { FxAlertEvent, FxCondition } from "../core/fx/index.js";
import { composeFxAlert } from "../core/alerts/index.js";
// Not through core/fx/index.js: that would load the NBK XML readers (fast-xml-parser) into every handler with alerts.
import { parseFxCondition } from "../core/fx/parse-fx-condition.js";
import { flushPendingAlerts, recordDelivery, recordHeadlineAlerts, type DeliverAlertsDeps, type DeliveryReport } from "./deliver-alerts.js";
import { sendFloodSummaries } from "./send-flood-summaries.js";
import { sweepSubscriptions } from "./sweep-subscriptions.js";

/** The hooks the pollers take, bound to one set of dependencies. */
export interface AlertDelivery {
  /**
   * For pollFeeds' onNewHeadlines: matches newly stored headlines and records their alerts. It does
   * not publish: the caller's afterPoll() right after the poll does, once per cycle.
   */
  onNewHeadlines(items: readonly Headline[]): Promise<void>;
  /** For pollFx's onFxEvents: one alert per (condition, rate date, rate), published like headline alerts. */
  onFxEvents(events: readonly FxAlertEvent[]): Promise<void>;
  /** For pollFx's fxConditions: the FX conditions that have subscribers; ids are alert topic keys. */
  fxConditions(): Promise<{ id: string; condition: FxCondition }[]>;
  /**
   * After every feed poll, new headlines or not: the cycle's one flush. Publishes what onNewHeadlines
   * recorded and what failed earlier, sends due hourly summaries, and once a day sweeps subscriptions
   * SNS ended on its side.
   */
  afterPoll(): Promise<DeliveryReport>;
}

export function makeAlertDelivery(deps: DeliverAlertsDeps): AlertDelivery {
  // Recorded by onNewHeadlines since the last flush, so afterPoll's report and log line count them.
  let recordedSinceFlush = 0;
  const run = async (recorded: number): Promise<DeliveryReport> => {
    const counts = await flushPendingAlerts(deps);
    const summaries = await sendFloodSummaries(deps);
    const report = { recorded, ...counts, summaries };
    if (recorded + counts.sent + counts.held + counts.failed + summaries > 0) deps.log.info("alerts delivered", { ...report });
    return report;
  };
  return {
    async onNewHeadlines(items) {
      recordedSinceFlush += await recordHeadlineAlerts(deps, items);
    },
    async onFxEvents(events) {
      const now = deps.now();
      let recorded = 0;
      for (const event of events) {
        const topic = await deps.alerts.getTopic(event.conditionId);
        if (!topic || topic.kind !== "fx") continue;
        // A re-run of the same poll re-evaluates the same crossing: the key makes it one alert.
        const itemKey = `FX#${event.date}#${event.kind}#${event.rate}`;
        const message = composeFxAlert({ text: event.text, watching: topic.label, lang: topic.lang, publicUrl: deps.publicUrl });
        if ((await recordDelivery(deps, topic, itemKey, message, now)) === "created") recorded++;
      }
      // The FX poller has no afterPoll: its events are flushed here, in the same cycle.
      await run(recorded);
    },
    async fxConditions() {
      const out: { id: string; condition: FxCondition }[] = [];
      for (const t of await deps.matcher.topics("fx")) {
        try {
          out.push({ id: t.key, condition: parseFxCondition(t.canonical) });
        } catch {
          deps.log.warn("stored FX condition no longer parses", { topicKey: t.key });
        }
      }
      return out;
    },
    async afterPoll() {
      const recorded = recordedSinceFlush;
      recordedSinceFlush = 0;
      const report = await run(recorded);
      await sweepSubscriptions(deps).catch((e: unknown) => {
        // A later day's sweep catches up; delivery must not fail over it.
        deps.log.warn("subscription sweep failed", { err: (e as Error).message.slice(0, 200) });
      });
      return report;
    },
  };
}
