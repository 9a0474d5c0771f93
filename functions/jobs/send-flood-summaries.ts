import { composeFloodSummary } from "../core/alerts/index.js";
import type { AlertTopic, MessageLanguage } from "../core/alerts/alert-types.js";
import type { DeliverAlertsDeps } from "./deliver-alerts.js";

/** The language a query is written in, for the wording around it: Kazakh letters, Cyrillic, or Latin. */
function queryLanguage(topic: AlertTopic): MessageLanguage {
  if (topic.topicId !== undefined) return "ru";
  if (/[әғқңөұүһі]/i.test(topic.canonical)) return "kk";
  return /[а-яё]/i.test(topic.canonical) ? "ru" : "en";
}

/** The search that lists everything a topic matched: the curated topic, or the query. */
export function searchUrl(publicUrl: string, topic: AlertTopic): string {
  const param = topic.topicId !== undefined ? `topic=${encodeURIComponent(topic.topicId)}` : `q=${encodeURIComponent(topic.canonical)}`;
  return `${publicUrl}/headlines?${param}`;
}

/**
 * Sends one "and N more" message for every flood window that has ended with alerts held back. The
 * window record is claimed like a delivery, so two runs never both send it.
 */
export async function sendFloodSummaries(deps: DeliverAlertsDeps): Promise<number> {
  const now = deps.now();
  let sent = 0;
  for (const due of await deps.deliveries.dueSummaries(now)) {
    const w = await deps.deliveries.claimSummary(due.topicKey, due.start, now, deps.settings.leaseSeconds);
    if (!w) continue;
    const log = deps.log.child({ topicKey: w.topicKey, window: w.start });
    try {
      const count = w.held - w.summarized;
      const topic = await deps.alerts.getTopic(w.topicKey);
      if (count <= 0 || !topic) {
        await deps.deliveries.markSummarySent(w.topicKey, w.start, w.held, now);
        continue;
      }
      const url = searchUrl(deps.publicUrl, topic);
      const shortId = await deps.shortLinks.shorten(url, now, deps.settings.retentionDays);
      const message = composeFloodSummary({
        count,
        watching: topic.label,
        from: w.start,
        to: w.end,
        searchUrl: url,
        shortSearchUrl: `${deps.publicUrl}/h/${shortId}`,
        limit: deps.settings.floodLimitPerHour,
        lang: topic.lang ?? queryLanguage(topic),
        timezone: deps.settings.timezone,
      });
      await deps.notifier.publish(topic.topicArn, message);
      await deps.deliveries.markSummarySent(w.topicKey, w.start, w.held, now);
      log.info("flood summary published", { count });
      sent++;
    } catch (e) {
      log.warn("flood summary failed; retried next run", { err: (e as Error).message });
      await deps.deliveries.releaseSummary(w.topicKey, w.start, (e as Error).message.slice(0, 500)).catch(() => undefined);
    }
  }
  return sent;
}
