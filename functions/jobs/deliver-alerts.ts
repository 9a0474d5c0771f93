/**
 * Alert delivery: record first, publish, then mark sent. Every (alert topic, story) gets one
 * conditional put; only the run that holds a delivery's lease publishes it; SNS failures leave it
 * pending for the next run. Once SNS accepted a publish the claim is never released: "sent" is
 * retried, and failing that the delivery is recorded "unconfirmed", out of the queue for good. The
 * one window left for a duplicate is a crash (or DynamoDB refusing every write) between SNS's
 * acceptance and that record, after which the claim's lease runs out (SNS standard topics cannot
 * deduplicate).
 */
import type { AlertStore } from "../adapters/dynamo/alert-store.js";
import type { DeliveryStore } from "../adapters/dynamo/delivery-store.js";
import type { ShortLinkStore } from "../adapters/dynamo/short-link-store.js";
import type { SubscriptionSweepStore } from "../adapters/dynamo/subscription-sweep-store.js";
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
  readonly sweeps: SubscriptionSweepStore;
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
      // The link is named here but written only when the message goes out: reruns of the same
      // headlines, and alerts held for the summary, cost no write.
      const message = composeHeadlineAlert({
        ...headline,
        shortUrl: `${deps.publicUrl}/h/${deps.shortLinks.idFor(headline.link)}`,
        watching: topic.label,
        timezone: deps.settings.timezone,
        messageLang: topic.lang,
        publicUrl: deps.publicUrl,
      });
      const extra = { publishedAt: headline.publishedAt, link: headline.link };
      if ((await recordDelivery(deps, topic, itemKey, message, now, extra)) === "created") recorded++;
    }
  }
  return recorded;
}

/**
 * The conditional put; "exists" means another run (or an earlier try of this one) already has it.
 * `publishedAt` orders the run's alerts for flood control; `link` is the article the short link names.
 */
export function recordDelivery(
  deps: DeliverAlertsDeps,
  topic: AlertTopic,
  itemKey: string,
  message: AlertMessage,
  now: Date,
  extra: { publishedAt?: string; link?: string } = {},
): Promise<"created" | "exists"> {
  return deps.deliveries.record({ topicKey: topic.key, itemKey, message, ...extra }, now, deps.settings.retentionDays);
}

type Outcome = "sent" | "held" | "failed" | "skipped";

async function attempt(deps: DeliverAlertsDeps, d: Delivery, topics: Map<string, AlertTopic | undefined>, now: Date): Promise<Outcome> {
  const claimed = await deps.deliveries.claim(d.topicKey, d.itemKey, now, deps.settings.leaseSeconds);
  if (!claimed) return "skipped";
  const log = deps.log.child({ topicKey: d.topicKey, itemKey: d.itemKey });
  let messageId: string;
  try {
    if (!topics.has(d.topicKey)) topics.set(d.topicKey, await deps.alerts.getTopic(d.topicKey));
    const topic = topics.get(d.topicKey);
    if (!topic) {
      await deps.deliveries.release(d.topicKey, d.itemKey, "alert topic no longer exists", true);
      return "failed";
    }
    if (claimed.window === undefined) {
      const window = floodWindow(now);
      // Idempotent per item: a retry after a failed setWindow gets its own slot back, not a second one.
      if (!(await deps.deliveries.reserveSlot(d.topicKey, window, deps.settings.floodLimitPerHour, deps.settings.retentionDays, d.itemKey))) {
        await deps.deliveries.addHeld(d.topicKey, window, deps.settings.retentionDays);
        await deps.deliveries.markHeld(d.topicKey, d.itemKey, window.start);
        log.info("alert held for the hourly summary", { window: window.start });
        return "held";
      }
      await deps.deliveries.setWindow(d.topicKey, d.itemKey, window.start);
    }
    if (claimed.link) await deps.shortLinks.shorten(claimed.link, now, deps.settings.retentionDays);
    ({ messageId } = await deps.notifier.publish(topic.topicArn, claimed.message));
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
  // SNS has it: from here on the claim is never released, or a later run would publish it again.
  await confirmSent(deps, d, messageId, now, log);
  log.info("alert published", { attempts: claimed.attempts, via: deps.notifier.kind });
  return "sent";
}

/** Pauses between tries of markSent: a DynamoDB throttle usually clears within a second. */
const MARK_SENT_BACKOFF_MS = [50, 200, 800] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function confirmSent(deps: DeliverAlertsDeps, d: Delivery, messageId: string, now: Date, log: DeliverAlertsDeps["log"]): Promise<void> {
  let err = "";
  for (let i = 0; i <= MARK_SENT_BACKOFF_MS.length; i++) {
    try {
      await deps.deliveries.markSent(d.topicKey, d.itemKey, messageId, now);
      return;
    } catch (e) {
      err = `${(e as Error).name}: ${(e as Error).message}`.slice(0, 500);
      const pause = MARK_SENT_BACKOFF_MS[i];
      if (pause !== undefined) await sleep(pause);
    }
  }
  try {
    await deps.deliveries.markUnconfirmed(d.topicKey, d.itemKey, messageId, now);
    log.warn("alert published but not marked sent; recorded as unconfirmed and never retried", { messageId, err });
  } catch (e) {
    // Only the claim's lease now keeps a later run from publishing it again.
    log.error("alert published but no record of it could be written; a run after the lease may publish it again", {
      messageId,
      err,
      unconfirmedErr: (e as Error).message.slice(0, 200),
    });
  }
}

/**
 * Publishes every pending delivery this run can claim (new ones and earlier failures): older runs'
 * first, and within a run the earliest-published story first, so when flood control caps a topic
 * the subscriber gets the stories in the order they broke and the hourly summary covers the latest.
 */
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
