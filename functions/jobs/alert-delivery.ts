import type { Headline } from "../core/feeds/headline.js";
import type { FxAlertEvent, FxCondition } from "../core/fx/index.js";
import { composeFxAlert } from "../core/alerts/index.js";
// Not through core/fx/index.js: that would load the NBK XML readers (fast-xml-parser) into every handler with alerts.
import { parseFxCondition } from "../core/fx/parse-fx-condition.js";
import { flushPendingAlerts, recordDelivery, recordHeadlineAlerts, type DeliverAlertsDeps, type DeliveryReport } from "./deliver-alerts.js";
import { sendFloodSummaries } from "./send-flood-summaries.js";

/** The hooks the pollers take, bound to one set of dependencies. */
export interface AlertDelivery {
  /** For pollFeeds' onNewHeadlines: records and publishes alerts for newly stored headlines. */
  onNewHeadlines(items: readonly Headline[]): Promise<void>;
  /** For pollFx's onFxEvents: one alert per (condition, rate date, rate), published like headline alerts. */
  onFxEvents(events: readonly FxAlertEvent[]): Promise<void>;
  /** For pollFx's fxConditions: the FX conditions that have subscribers; ids are alert topic keys. */
  fxConditions(): Promise<{ id: string; condition: FxCondition }[]>;
  /** After every poll, new headlines or not: retries what failed earlier and sends due hourly summaries. */
  afterPoll(): Promise<DeliveryReport>;
}

export function makeAlertDelivery(deps: DeliverAlertsDeps): AlertDelivery {
  const run = async (recorded: number): Promise<DeliveryReport> => {
    const counts = await flushPendingAlerts(deps);
    const summaries = await sendFloodSummaries(deps);
    const report = { recorded, ...counts, summaries };
    if (recorded + counts.sent + counts.held + counts.failed + summaries > 0) deps.log.info("alerts delivered", { ...report });
    return report;
  };
  return {
    async onNewHeadlines(items) {
      await run(await recordHeadlineAlerts(deps, items));
    },
    async onFxEvents(events) {
      const now = deps.now();
      let recorded = 0;
      for (const event of events) {
        const topic = await deps.alerts.getTopic(event.conditionId);
        if (!topic || topic.kind !== "fx") continue;
        // A re-run of the same poll re-evaluates the same crossing: the key makes it one alert.
        const itemKey = `FX#${event.date}#${event.kind}#${event.rate}`;
        const message = composeFxAlert({ text: event.text, watching: topic.label });
        if ((await recordDelivery(deps, topic, itemKey, message, now)) === "created") recorded++;
      }
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
    afterPoll: () => run(0),
  };
}
