/**
 * SNS ends subscriptions on its side without telling us: an email confirmation link that expired,
 * an email subscriber who clicked SNS's own unsubscribe link, a phone that opted out. Until we
 * notice, the subscription counts against its address's limits and keeps its topic matching (and
 * publishing) for nobody. Once a day this asks SNS about the subscriptions checked least recently,
 * a bounded number per run, and forgets the ones SNS no longer knows.
 */
import type { AlertStore } from "../adapters/dynamo/alert-store.js";
import type { SubscriptionSweepStore } from "../adapters/dynamo/subscription-sweep-store.js";
import type { Notifier } from "../adapters/sns/notifier.js";
import type { Logger } from "../core/logger.js";

export interface SweepSubscriptionsDeps {
  readonly alerts: AlertStore;
  readonly sweeps: SubscriptionSweepStore;
  readonly notifier: Notifier;
  readonly log: Logger;
  readonly now: () => Date;
}

export interface SweepOptions {
  /** Hours between sweeps, across every instance (the state is in DynamoDB). */
  readonly everyHours: number;
  /** GetSubscriptionAttributes calls per sweep at most; the rest wait for the next sweep, first in line. */
  readonly maxChecks: number;
}

export const defaultSweepOptions: SweepOptions = { everyHours: 24, maxChecks: 200 };

export interface SweepReport {
  readonly checked: number;
  /** Subscriptions SNS no longer knows, now deleted here too. */
  readonly forgotten: number;
  /** Email subscriptions confirmed since we last looked. */
  readonly confirmed: number;
}

/** Runs a sweep if one is due; undefined when another run already swept within `everyHours`. */
export async function sweepSubscriptions(deps: SweepSubscriptionsDeps, options: Partial<SweepOptions> = {}): Promise<SweepReport | undefined> {
  const { everyHours, maxChecks } = { ...defaultSweepOptions, ...options };
  const now = deps.now();
  if (!(await deps.sweeps.claimSweep(now, everyHours))) return undefined;
  const log = deps.log.child({ job: "sweep-subscriptions" });
  let checked = 0;
  let forgotten = 0;
  let confirmed = 0;
  for (const sub of await deps.sweeps.leastRecentlyChecked(maxChecks)) {
    // No SNS subscription yet (or any more): nothing to ask about.
    if (sub.subscriptionArn && sub.status !== "unsubscribed") {
      // A throttle or outage ends this sweep; the unchecked ones stay first in line for the next.
      const status = await deps.notifier.subscriptionStatus(sub.subscriptionArn);
      checked++;
      if (status === "unsubscribed") {
        // removeSubscriber takes the topic out of matching when this was its last subscriber.
        if (await deps.alerts.deleteSubscription(sub.id)) {
          await deps.alerts.removeSubscriber(sub.topicKey);
          forgotten++;
          log.info("subscription ended at SNS; forgotten", { alertId: sub.id, topicKey: sub.topicKey, channel: sub.channel, was: sub.status });
        }
        continue;
      }
      if (sub.status === "pending-confirmation" && status === "active") {
        await deps.alerts.setStatus(sub.id, "active");
        confirmed++;
      }
    }
    await deps.sweeps.markChecked(sub.id, now);
  }
  const report = { checked, forgotten, confirmed };
  log.info("subscriptions swept", { ...report });
  return report;
}
