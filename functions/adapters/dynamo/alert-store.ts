import { randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AlertStatus, AlertSubscription, AlertTopic } from "../../core/alerts/alert-types.js";
import { makeAlertCodeStore, subscriptionKey as subKey, type AlertCodeStore } from "./alert-code-store.js";
import { conditionFailed } from "./conditional-write.js";
import { queryAll } from "./query-all.js";

/**
 * Alert topics and subscriptions.
 *   topic         pk=ATOPIC#<key>        sk=TOPIC   gsi1pk=ATOPICS#ACTIVE gsi1sk=<key> (only while it has subscribers)
 *   topic set     pk=ATOPICS             sk=VERSION v: bumped on every subscribe/unsubscribe (index cache key)
 *   subscription  pk=ALERT#<id>          sk=ALERT   gsi2pk=ADDR#<addressHash> gsi2sk=<createdAt>#<id>
 *                                                 gsi3pk=ALERTS#SWEEP gsi3sk=<lastCheckedAt>#<id> (the daily sweep's rotation)
 *                 (an SMS one waiting for its code also has expiresAt: DynamoDB drops it if never verified)
 *   address key   pk=ALERTS              sk=SECRET  the HMAC key for address hashes, made once per table; only
 *                                                   where no AddressHashKey secret is given (the local runtime)
 */
export interface AlertStore extends AlertCodeStore {
  /** Creates the topic record unless it exists; returns the stored record. */
  upsertTopic(topic: Omit<AlertTopic, "subscribers" | "activeSince">): Promise<AlertTopic>;
  getTopic(key: string): Promise<AlertTopic | undefined>;
  /** Topics with at least one subscriber. */
  activeTopics(): Promise<AlertTopic[]>;
  /** Changes whenever the set of active topics may have changed. */
  topicsVersion(): Promise<number>;
  addSubscriber(key: string, now: Date): Promise<void>;
  removeSubscriber(key: string): Promise<void>;
  putSubscription(s: AlertSubscription): Promise<void>;
  getSubscription(id: string): Promise<AlertSubscription | undefined>;
  setStatus(id: string, status: AlertStatus): Promise<void>;
  /** Deletes and returns the subscription; undefined when it was already gone. */
  deleteSubscription(id: string): Promise<AlertSubscription | undefined>;
  subscriptionsForAddress(addressHash: string): Promise<AlertSubscription[]>;
  /** The per-table secret for address HMACs, created on first use. */
  addressSecret(): Promise<Buffer>;
}

const topicKey = (key: string) => ({ pk: `ATOPIC#${key}`, sk: "TOPIC" });
const ACTIVE = "ATOPICS#ACTIVE";
const VERSION = { pk: "ATOPICS", sk: "VERSION" };
const SECRET = { pk: "ALERTS", sk: "SECRET" };

function toTopic(it: Record<string, unknown>): AlertTopic {
  return {
    key: it.key as string,
    kind: it.kind as AlertTopic["kind"],
    canonical: it.canonical as string,
    topicId: (it.topicId as string | undefined) ?? undefined,
    label: it.label as string,
    lang: (it.lang as AlertTopic["lang"]) ?? undefined,
    snsName: it.snsName as string,
    topicArn: it.topicArn as string,
    createdAt: it.createdAt as string,
    subscribers: Number(it.subscribers ?? 0),
    activeSince: (it.activeSince as string | undefined) ?? undefined,
  };
}

/** A subscription's place in the sweep's rotation: least recently checked with SNS first. */
export function sweepIndexKeys(checkedAt: string, id: string): { gsi3pk: string; gsi3sk: string } {
  return { gsi3pk: "ALERTS#SWEEP", gsi3sk: `${checkedAt}#${id}` };
}

export function toSubscription(it: Record<string, unknown>): AlertSubscription {
  const { pk: _pk, sk: _sk, gsi2pk: _g, gsi2sk: _s, gsi3pk: _g3, gsi3sk: _s3, ...rest } = it;
  return rest as unknown as AlertSubscription;
}

export function makeAlertStore(doc: DynamoDBDocumentClient, tableName: string): AlertStore {
  let secret: Promise<Buffer> | undefined;
  const bumpVersion = () =>
    doc.send(new UpdateCommand({ TableName: tableName, Key: VERSION, UpdateExpression: "ADD v :one", ExpressionAttributeValues: { ":one": 1 } }));

  async function loadSecret(): Promise<Buffer> {
    const got = await doc.send(new GetCommand({ TableName: tableName, Key: SECRET, ConsistentRead: true }));
    if (got.Item) return Buffer.from(got.Item.value as string, "base64");
    try {
      const value = randomBytes(32).toString("base64");
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...SECRET, value }, ConditionExpression: "attribute_not_exists(pk)" }));
      return Buffer.from(value, "base64");
    } catch (e) {
      // Another instance made it first: use theirs, so every instance hashes alike.
      if (!conditionFailed(e)) throw e;
      return loadSecret();
    }
  }

  return {
    ...makeAlertCodeStore(doc, tableName),
    async upsertTopic(t) {
      const res = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: topicKey(t.key),
          UpdateExpression:
            "SET #key = if_not_exists(#key, :key), kind = if_not_exists(kind, :kind), canonical = if_not_exists(canonical, :canonical), " +
            "label = if_not_exists(label, :label), snsName = :snsName, topicArn = :topicArn, createdAt = if_not_exists(createdAt, :createdAt), " +
            "subscribers = if_not_exists(subscribers, :zero)" +
            (t.topicId ? ", topicId = if_not_exists(topicId, :topicId)" : "") +
            (t.lang ? ", lang = if_not_exists(lang, :lang)" : ""),
          ExpressionAttributeNames: { "#key": "key" },
          ExpressionAttributeValues: {
            ":key": t.key,
            ":kind": t.kind,
            ":canonical": t.canonical,
            ":label": t.label,
            ":snsName": t.snsName,
            ":topicArn": t.topicArn,
            ":createdAt": t.createdAt,
            ":zero": 0,
            ...(t.topicId ? { ":topicId": t.topicId } : {}),
            ...(t.lang ? { ":lang": t.lang } : {}),
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return toTopic(res.Attributes ?? {});
    },
    async getTopic(key) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: topicKey(key) }));
      return res.Item ? toTopic(res.Item) : undefined;
    },
    async activeTopics() {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": ACTIVE },
      });
      return items.map(toTopic);
    },
    async topicsVersion() {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: VERSION, ConsistentRead: true }));
      return Number(res.Item?.v ?? 0);
    },
    async addSubscriber(key, now) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: topicKey(key),
          UpdateExpression: "ADD subscribers :one SET gsi1pk = :active, gsi1sk = :key, activeSince = if_not_exists(activeSince, :now)",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":one": 1, ":active": ACTIVE, ":key": key, ":now": now.toISOString() },
        }),
      );
      await bumpVersion();
    },
    async removeSubscriber(key) {
      const res = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: topicKey(key),
          UpdateExpression: "ADD subscribers :minus",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":minus": -1 },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      if (Number(res.Attributes?.subscribers ?? 0) <= 0) {
        try {
          // Leaves the index (and forgets activeSince, so a later first subscriber starts afresh) unless someone just joined.
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: topicKey(key),
              UpdateExpression: "REMOVE gsi1pk, gsi1sk, activeSince",
              ConditionExpression: "subscribers <= :zero",
              ExpressionAttributeValues: { ":zero": 0 },
            }),
          );
        } catch (e) {
          if (!conditionFailed(e)) throw e;
        }
      }
      await bumpVersion();
    },
    async putSubscription(s) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...subKey(s.id), ...s, gsi2pk: `ADDR#${s.addressHash}`, gsi2sk: `${s.createdAt}#${s.id}`, ...sweepIndexKeys(s.createdAt, s.id) },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    },
    async getSubscription(id) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: subKey(id), ConsistentRead: true }));
      return res.Item ? toSubscription(res.Item) : undefined;
    },
    async setStatus(id, status) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: subKey(id),
          UpdateExpression: "SET #status = :s",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":s": status },
        }),
      );
    },
    async deleteSubscription(id) {
      const res = await doc.send(new DeleteCommand({ TableName: tableName, Key: subKey(id), ReturnValues: "ALL_OLD" }));
      return res.Attributes ? toSubscription(res.Attributes) : undefined;
    },
    async subscriptionsForAddress(addressHash) {
      const res = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :p",
          ExpressionAttributeValues: { ":p": `ADDR#${addressHash}` },
          Limit: 100,
        }),
      );
      return (res.Items ?? []).map(toSubscription);
    },
    addressSecret() {
      secret ??= loadSecret().catch((e: unknown) => {
        secret = undefined;
        throw e;
      });
      return secret;
    },
  };
}
