import { UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { subscriptionKey } from "./alert-code-store.js";
import { sendIf } from "./conditional-write.js";
import { queryFirst } from "./query-first.js";
import type { AlertSubscription } from "../../core/alerts/alert-types.js";
import { sweepIndexKeys, toSubscription } from "./alert-store.js";

/**
 * State of the daily subscription sweep.
 *   sweep state   pk=ALERTS  sk=SWEEP  lastSweepAt (epoch ms): one sweep per period across all instances
 *   rotation      every subscription's gsi3 (see alert-store.ts), ordered by when it was last checked
 */
export interface SubscriptionSweepStore {
  /** True for exactly one caller once `everyHours` have passed since the last sweep started. */
  claimSweep(now: Date, everyHours: number): Promise<boolean>;
  /** Subscriptions least recently checked with SNS first. */
  leastRecentlyChecked(limit: number): Promise<AlertSubscription[]>;
  /** Moves the subscription to the back of the rotation; a deleted one stays deleted. */
  markChecked(id: string, now: Date): Promise<void>;
}

const STATE = { pk: "ALERTS", sk: "SWEEP" };

export function makeSubscriptionSweepStore(doc: DynamoDBDocumentClient, tableName: string): SubscriptionSweepStore {
  return {
    async claimSweep(now, everyHours) {
      const done = await sendIf(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: STATE,
            UpdateExpression: "SET lastSweepAt = :now",
            ConditionExpression: "attribute_not_exists(lastSweepAt) OR lastSweepAt <= :due",
            ExpressionAttributeValues: { ":now": now.getTime(), ":due": now.getTime() - everyHours * 3_600_000 },
          }),
        ),
      );
      return done !== undefined;
    },
    async leastRecentlyChecked(limit) {
      const { gsi3pk } = sweepIndexKeys("", "");
      return (await queryFirst(doc, tableName, "gsi3", gsi3pk, limit)).map(toSubscription);
    },
    async markChecked(id, now) {
      // A subscription deleted meanwhile has left the rotation: the condition keeps it out.
      await sendIf(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: subscriptionKey(id),
            UpdateExpression: "SET gsi3sk = :sk",
            ConditionExpression: "attribute_exists(gsi3pk)",
            ExpressionAttributeValues: { ":sk": sweepIndexKeys(now.toISOString(), id).gsi3sk },
          }),
        ),
      );
    },
  };
}
