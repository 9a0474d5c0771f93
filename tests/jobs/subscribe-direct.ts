import type { Notifier } from "../../functions/adapters/sns/notifier.js";
import { alertTopicKey, snsTopicName } from "../../functions/core/alerts/index.js";
import type { AlertStatus, Channel } from "../../functions/core/alerts/alert-types.js";
import { loadStemmers, normalizeQuery, parseQuery } from "../../functions/core/query/index.js";
import type { TestDb } from "../helpers/local-dynamo.js";

let n = 0;

/**
 * Leaves the stores as a finished sign-up does (topic, SNS subscription, subscription record, one
 * more subscriber) without the sign-up flow: delivery tests stay independent of how POST /alerts
 * verifies an address.
 */
export async function subscribeDirect(
  db: TestDb,
  notifier: Notifier,
  now: Date,
  s: { query: string; channel: Channel; address: string; status?: AlertStatus },
): Promise<{ id: string; topicKey: string; subscriptionArn: string }> {
  const { alerts } = db.stores.alertStores;
  await loadStemmers();
  const canonical = normalizeQuery(parseQuery(s.query));
  const key = alertTopicKey("query", canonical);
  const snsName = snsTopicName("test", key);
  const topicArn = await notifier.ensureTopic(snsName);
  await alerts.upsertTopic({ key, kind: "query", canonical, label: canonical, snsName, topicArn, createdAt: now.toISOString() });
  const sub = await notifier.subscribe(topicArn, s.channel, s.address);
  const id = `sub-${++n}`;
  await alerts.putSubscription({
    id,
    topicKey: key,
    channel: s.channel,
    status: s.status ?? sub.status,
    tokenHash: "x",
    addressHash: `hash-${id}`,
    subscriptionArn: sub.subscriptionArn,
    createdAt: now.toISOString(),
  });
  await alerts.addSubscriber(key, now);
  return { id, topicKey: key, subscriptionArn: sub.subscriptionArn };
}
