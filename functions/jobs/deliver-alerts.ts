/**
 * Alert delivery: record first, publish, then mark sent. Every (alert topic, story) gets one
 * conditional put; only the run that holds a delivery's lease publishes it; SNS failures leave it
 * pending for the next run. The one window where a duplicate is possible is a crash after SNS
 * accepted a publish and before "sent" was written (SNS standard topics cannot deduplicate).
 */
import type { AlertStore } from "../adapters/dynamo/alert-store.js";
import type { DeliveryStore } from "../adapters/dynamo/delivery-store.js";
import type { ShortLinkStore } from "../adapters/dynamo/short-link-store.js";
import type { Notifier } from "../adapters/sns/notifier.js";
import type { AlertSettings } from "../config/alerts.js";
import { composeHeadlineAlert, floodWindow, isAlertable } from "../core/alerts/index.js";
import type { AlertMessage, AlertTopic, Delivery } from "../core/alerts/alert-types.js";
import type { Headline } from "../core/feeds/headline.js";
import type { Logger } from "../core/logger.js";
import type { AlertMatcher } from "./match-alerts.js";

export interface DeliverAlertsDeps {
  readonly alerts: AlertStore;
  readonly deliveries: DeliveryStore;
  readonly shortLinks: ShortLinkStore;
  readonly notifier: Notifier;
  readonly matcher: AlertMatcher;
  readonly log: Logger;
  readonly now: () => Date;
  readonly settings: AlertSettings;
  /** Base URL of the API, for short links and search links (DABYL_PUBLIC_URL). */
  readonly publicUrl: string;
}

export interface DeliveryReport {
  readonly recorded: number;
  readonly sent: number;
  readonly held: number;
  readonly failed: number;
  readonly summaries: number;
}

/** Records one delivery per (matched topic, story) among newly stored headlines; returns how many were new. */
export async function recordHeadlineAlerts(deps: DeliverAlertsDeps, headlines: readonly Headline[]): Promise<number> {
  const now = deps.now();
  const matches = await deps.matcher.match(headlines);
  // The same story from several sources is one alert: the first headline of a story in the batch speaks for it.
  const seen = new Set<string>();
  let recorded = 0;
  for (const { headline, topics } of matches) {
    for (const topic of topics) {
      const itemKey = `STORY#${headline.storyId}`;
      if (seen.has(`${topic.key}\n${itemKey}`)) continue;
      seen.add(`${topic.key}\n${itemKey}`);
      if (!isAlertable(headline, now, topic.activeSince ?? topic.createdAt, deps.settings.maxHeadlineAgeHours)) continue;
      const shortId = await deps.shortLinks.shorten(headline.link, now, deps.settings.retentionDays);
      const message = composeHeadlineAlert({
        ...headline,
        shortUrl: `${deps.publicUrl}/h/${shortId}`,
        watching: topic.label,
        timezone: deps.settings.timezone,
      });
      if ((await recordDelivery(deps, topic, itemKey, message, now)) === "created") recorded++;
    }
  }
  return recorded;
}

/** The conditional put; "exists" means another run (or an earlier try of this one) already has it. */
export function recordDelivery(deps: DeliverAlertsDeps, topic: AlertTopic, itemKey: string, message: AlertMessage, now: Date): Promise<"created" | "exists"> {
  return deps.deliveries.record({ topicKey: topic.key, itemKey, message }, now, deps.settings.retentionDays);
}

type Outcome = "sent" | "held" | "failed" | "skipped";

async function attempt(deps: DeliverAlertsDeps, d: Delivery, topics: Map<string, AlertTopic | undefined>, now: Date): Promise<Outcome> {
  const claimed = await deps.deliveries.claim(d.topicKey, d.itemKey, now, deps.settings.leaseSeconds);
  if (!claimed) return "skipped";
  const log = deps.log.child({ topicKey: d.topicKey, itemKey: d.itemKey });
  try {
    if (!topics.has(d.topicKey)) topics.set(d.topicKey, await deps.alerts.getTopic(d.topicKey));
    const topic = topics.get(d.topicKey);
    if (!topic) {
      await deps.deliveries.release(d.topicKey, d.itemKey, "alert topic no longer exists", true);
      return "failed";
    }
    if (claimed.window === undefined) {
      const window = floodWindow(now);
      if (!(await deps.deliveries.reserveSlot(d.topicKey, window, deps.settings.floodLimitPerHour, deps.settings.retentionDays))) {
        await deps.deliveries.addHeld(d.topicKey, window, deps.settings.retentionDays);
        await deps.deliveries.markHeld(d.topicKey, d.itemKey, window.start);
        log.info("alert held for the hourly summary", { window: window.start });
        return "held";
      }
      await deps.deliveries.setWindow(d.topicKey, d.itemKey, window.start);
    }
    const { messageId } = await deps.notifier.publish(topic.topicArn, claimed.message);
    await deps.deliveries.markSent(d.topicKey, d.itemKey, messageId, now);
    log.info("alert published", { attempts: claimed.attempts, via: deps.notifier.kind });
    return "sent";
  } catch (e) {
    const giveUp = claimed.attempts >= deps.settings.maxAttempts;
    const error = `${(e as Error).name}: ${(e as Error).message}`.slice(0, 500);
    log.warn(giveUp ? "alert given up after repeated failures" : "alert publish failed; retried next run", { attempts: claimed.attempts, err: error });
    try {
      await deps.deliveries.release(d.topicKey, d.itemKey, error, giveUp);
    } catch (releaseError) {
      // The lease runs out by itself; the next run after it retries.
      log.error("could not release a failed delivery", { err: (releaseError as Error).message });
    }
    return "failed";
  }
}

/** Publishes every pending delivery this run can claim (new ones and earlier failures), oldest first. */
export async function flushPendingAlerts(deps: DeliverAlertsDeps, max = 500): Promise<Omit<DeliveryReport, "recorded" | "summaries">> {
  const now = deps.now();
  const counts = { sent: 0, held: 0, failed: 0 };
  const topics = new Map<string, AlertTopic | undefined>();
  for (const d of await deps.deliveries.pending(max)) {
    const outcome = await attempt(deps, d, topics, now);
    if (outcome !== "skipped") counts[outcome]++;
  }
  return counts;
}
