import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AlertMessage, Delivery, FloodWindow } from "../../core/alerts/alert-types.js";
import { conditionFailed, sendIf } from "./conditional-write.js";
import { queryFirst } from "./query-first.js";

/**
 * One record per (alert topic, story) and one per (topic, clock hour).
 *   delivery  pk=DELIV#<topicKey>  sk=<itemKey>       gsi1pk=DELIV#PENDING gsi1sk=<createdAt>#<publishedAt>#<topicKey>#<itemKey> while pending
 *   window    pk=FLOOD#<topicKey>  sk=<windowStart>   gsi1pk=FLOOD#DUE     gsi1sk=<windowEnd>#<topicKey> while a summary is owed;
 *                                                    slots: string set of the itemKeys that took its `sent` slots
 * Every record expires (TTL) after the retention period.
 */
export interface DeliveryStore {
  /** Conditional put: "created" the first time, "exists" for every later try of the same (topic, item). */
  record(d: Pick<Delivery, "topicKey" | "itemKey" | "message" | "publishedAt" | "link">, now: Date, retentionDays: number): Promise<"created" | "exists">;
  /** Takes a pending delivery for `leaseSeconds`; undefined when it is not pending or another run holds it. */
  claim(topicKey: string, itemKey: string, now: Date, leaseSeconds: number): Promise<Delivery | undefined>;
  /** Remembers which flood window's slot the delivery took, so a retry does not take a second. */
  setWindow(topicKey: string, itemKey: string, window: string): Promise<void>;
  markSent(topicKey: string, itemKey: string, messageId: string, now: Date): Promise<void>;
  /** SNS accepted the publish but "sent" could not be written: out of the pending queue for good, never retried. */
  markUnconfirmed(topicKey: string, itemKey: string, messageId: string, now: Date): Promise<void>;
  /** Over the hourly limit: the window's summary covers it. */
  markHeld(topicKey: string, itemKey: string, window: string): Promise<void>;
  /** Publishing failed: stays pending for the next run, or becomes "failed" when `giveUp`. */
  release(topicKey: string, itemKey: string, error: string, giveUp: boolean): Promise<void>;
  /** Pending deliveries: oldest run first, and within a run the earliest-published story first. */
  pending(limit: number): Promise<Delivery[]>;
  /**
   * Takes a slot in the topic's window for `itemKey` unless `limit` are taken; false means hold. The
   * window remembers whose slots it gave, so asking again for the same item (a retry) is the same slot.
   */
  reserveSlot(topicKey: string, window: { start: string; end: string }, limit: number, retentionDays: number, itemKey: string): Promise<boolean>;
  /** Counts one held alert and marks the window as owing a summary. */
  addHeld(topicKey: string, window: { start: string; end: string }, retentionDays: number): Promise<void>;
  /** Windows that ended by `now` and owe a summary. */
  dueSummaries(now: Date): Promise<FloodWindow[]>;
  claimSummary(topicKey: string, windowStart: string, now: Date, leaseSeconds: number): Promise<FloodWindow | undefined>;
  /** The summary went out and covered `held` alerts. */
  markSummarySent(topicKey: string, windowStart: string, held: number, now: Date): Promise<void>;
  releaseSummary(topicKey: string, windowStart: string, error: string): Promise<void>;
}

const dKey = (topicKey: string, itemKey: string) => ({ pk: `DELIV#${topicKey}`, sk: itemKey });
const wKey = (topicKey: string, start: string) => ({ pk: `FLOOD#${topicKey}`, sk: start });
const PENDING = "DELIV#PENDING";
const DUE = "FLOOD#DUE";
const expiry = (from: Date, days: number) => Math.floor(from.getTime() / 1000) + days * 86_400;

function toDelivery(it: Record<string, unknown>): Delivery {
  return {
    topicKey: it.topicKey as string,
    itemKey: it.itemKey as string,
    status: it.status as Delivery["status"],
    message: it.message as AlertMessage,
    createdAt: it.createdAt as string,
    attempts: Number(it.attempts ?? 0),
    window: (it.window as string | undefined) ?? undefined,
    publishedAt: (it.publishedAt as string | undefined) ?? undefined,
    link: (it.link as string | undefined) ?? undefined,
    lastError: (it.lastError as string | undefined) ?? undefined,
  };
}

function toWindow(it: Record<string, unknown>): FloodWindow {
  return {
    topicKey: it.topicKey as string,
    start: it.sk as string,
    end: it.end as string,
    sent: Number(it.sent ?? 0),
    held: Number(it.held ?? 0),
    summarized: Number(it.summarized ?? 0),
  };
}

export function makeDeliveryStore(doc: DynamoDBDocumentClient, tableName: string): DeliveryStore {
  const update = (Key: Record<string, string>, expr: string, values: Record<string, unknown>, names?: Record<string, string>, condition?: string) =>
    doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key,
        UpdateExpression: expr,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        ...(names ? { ExpressionAttributeNames: names } : {}),
        ...(condition ? { ConditionExpression: condition } : {}),
        ReturnValues: "ALL_NEW",
      }),
    );
  const status = { "#status": "status" };
  // SNS took the message: it leaves the pending queue for good, whether its record was confirmed or not.
  const published = (topicKey: string, itemKey: string, messageId: string, now: Date, outcome: "sent" | "unconfirmed") =>
    update(
      dKey(topicKey, itemKey),
      "SET #status = :outcome, sentAt = :now, messageId = :id REMOVE gsi1pk, gsi1sk, leaseUntil",
      { ":outcome": outcome, ":now": now.toISOString(), ":id": messageId },
      status,
    );

  return {
    async record({ topicKey, itemKey, message, publishedAt, link }, now, retentionDays) {
      const createdAt = now.toISOString();
      // Flood control caps what comes first: within one run's batch that is the earliest-published story.
      const order = publishedAt ?? createdAt;
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...dKey(topicKey, itemKey),
              topicKey,
              itemKey,
              status: "pending",
              message,
              createdAt,
              attempts: 0,
              ...(publishedAt ? { publishedAt } : {}),
              ...(link ? { link } : {}),
              expiresAt: expiry(now, retentionDays),
              gsi1pk: PENDING,
              gsi1sk: `${createdAt}#${order}#${topicKey}#${itemKey}`,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        return "created";
      } catch (e) {
        if (conditionFailed(e)) return "exists";
        throw e;
      }
    },
    async claim(topicKey, itemKey, now, leaseSeconds) {
      const res = await sendIf(() =>
        update(
          dKey(topicKey, itemKey),
          "SET leaseUntil = :until ADD attempts :one",
          { ":until": now.getTime() + leaseSeconds * 1000, ":now": now.getTime(), ":pending": "pending", ":one": 1 },
          status,
          "#status = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)",
        ),
      );
      return res === undefined ? undefined : toDelivery(res.Attributes ?? {});
    },
    async setWindow(topicKey, itemKey, window) {
      await update(dKey(topicKey, itemKey), "SET #window = :w", { ":w": window }, { "#window": "window" });
    },
    async markSent(topicKey, itemKey, messageId, now) {
      await published(topicKey, itemKey, messageId, now, "sent");
    },
    async markUnconfirmed(topicKey, itemKey, messageId, now) {
      await published(topicKey, itemKey, messageId, now, "unconfirmed");
    },
    async markHeld(topicKey, itemKey, window) {
      await update(
        dKey(topicKey, itemKey),
        "SET #status = :held, #window = :w REMOVE gsi1pk, gsi1sk, leaseUntil",
        { ":held": "held", ":w": window },
        { ...status, "#window": "window" },
      );
    },
    async release(topicKey, itemKey, error, giveUp) {
      if (giveUp) {
        await update(dKey(topicKey, itemKey), "SET #status = :failed, lastError = :e REMOVE gsi1pk, gsi1sk, leaseUntil", { ":failed": "failed", ":e": error }, status);
      } else {
        await update(dKey(topicKey, itemKey), "SET lastError = :e REMOVE leaseUntil", { ":e": error });
      }
    },
    async pending(limit) {
      return (await queryFirst(doc, tableName, "gsi1", PENDING, limit)).map(toDelivery);
    },
    async reserveSlot(topicKey, window, limit, retentionDays, itemKey) {
      try {
        await update(
          wKey(topicKey, window.start),
          "ADD sent :one, slots :item SET topicKey = :t, #end = :end, expiresAt = :exp",
          { ":one": 1, ":item": new Set([itemKey]), ":key": itemKey, ":t": topicKey, ":end": window.end, ":exp": expiry(new Date(window.end), retentionDays), ":limit": limit },
          { "#end": "end" },
          "(attribute_not_exists(sent) OR sent < :limit) AND NOT contains(slots, :key)",
        );
        return true;
      } catch (e) {
        if (!conditionFailed(e)) throw e;
        // Full, or this item took its slot in an earlier try (whose setWindow failed): only the latter may publish.
        const got = await doc.send(new GetCommand({ TableName: tableName, Key: wKey(topicKey, window.start), ConsistentRead: true }));
        return (got.Item?.slots as Set<string> | undefined)?.has(itemKey) ?? false;
      }
    },
    async addHeld(topicKey, window, retentionDays) {
      await update(
        wKey(topicKey, window.start),
        "ADD held :one SET topicKey = :t, #end = :end, expiresAt = :exp, gsi1pk = :due, gsi1sk = :sk",
        { ":one": 1, ":t": topicKey, ":end": window.end, ":exp": expiry(new Date(window.end), retentionDays), ":due": DUE, ":sk": `${window.end}#${topicKey}` },
        { "#end": "end" },
      );
    },
    async dueSummaries(now) {
      const res = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: "gsi1",
          // "~" sorts after "#", so a window ending exactly now is included.
          KeyConditionExpression: "gsi1pk = :p AND gsi1sk < :bound",
          ExpressionAttributeValues: { ":p": DUE, ":bound": `${now.toISOString()}~` },
          Limit: 100,
        }),
      );
      return (res.Items ?? []).map(toWindow);
    },
    async claimSummary(topicKey, windowStart, now, leaseSeconds) {
      const res = await sendIf(() =>
        update(
          wKey(topicKey, windowStart),
          "SET leaseUntil = :until",
          { ":until": now.getTime() + leaseSeconds * 1000, ":now": now.getTime() },
          undefined,
          "attribute_exists(gsi1pk) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)",
        ),
      );
      return res === undefined ? undefined : toWindow(res.Attributes ?? {});
    },
    async markSummarySent(topicKey, windowStart, held, now) {
      try {
        await update(
          wKey(topicKey, windowStart),
          "SET summarized = :held, summarySentAt = :now REMOVE gsi1pk, gsi1sk, leaseUntil",
          { ":held": held, ":now": now.toISOString() },
          undefined,
          "held = :held",
        );
      } catch (e) {
        if (!conditionFailed(e)) throw e;
        // More were held while the summary went out: record what it covered and stay due for the rest.
        await update(wKey(topicKey, windowStart), "SET summarized = :held, summarySentAt = :now REMOVE leaseUntil", { ":held": held, ":now": now.toISOString() });
      }
    },
    async releaseSummary(topicKey, windowStart, error) {
      await update(wKey(topicKey, windowStart), "SET lastError = :e REMOVE leaseUntil", { ":e": error });
    },
  };
}
