import { UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { sendIf } from "./conditional-write.js";

/**
 * The verification step of SMS alerts, on the subscription item (pk=ALERT#<id>, sk=ALERT). Every
 * change is conditional on the alert still waiting for its code, so two requests racing each other
 * can neither both count as the last try nor both activate it.
 */
export interface AlertCodeStore {
  /** Counts one try at the code; undefined when the alert is not waiting or has no tries left. */
  countCodeAttempt(id: string, maxAttempts: number): Promise<number | undefined>;
  /** Replaces the code (tries are counted across codes); false when no sends are left or the last one is too recent. */
  replaceCode(id: string, code: { hash: string; expiresAt: string; sentAt: string }, limits: { maxSends: number; notSentSince: string }): Promise<boolean>;
  /** Verified: active, with its SNS subscription; the code, the sealed number and the expiry go. False if not waiting. */
  activateSms(id: string, subscriptionArn: string): Promise<boolean>;
}

/** The subscription item's key; alert-store.ts and the sweep write the same item. */
export const subscriptionKey = (id: string) => ({ pk: `ALERT#${id}`, sk: "ALERT" });

export function makeAlertCodeStore(doc: DynamoDBDocumentClient, tableName: string): AlertCodeStore {
  return {
    async countCodeAttempt(id, maxAttempts) {
      const res = await sendIf(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: subscriptionKey(id),
            UpdateExpression: "ADD codeAttempts :one",
            ConditionExpression: "#status = :pending AND (attribute_not_exists(codeAttempts) OR codeAttempts < :max)",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":one": 1, ":pending": "pending-verification", ":max": maxAttempts },
            ReturnValues: "UPDATED_NEW",
          }),
        ),
      );
      return res === undefined ? undefined : Number(res.Attributes?.codeAttempts ?? 1);
    },
    async replaceCode(id, code, limits) {
      const done = await sendIf(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: subscriptionKey(id),
            UpdateExpression: "SET codeHash = :hash, codeExpiresAt = :exp, codeSentAt = :sent ADD codeSends :one",
            ConditionExpression: "#status = :pending AND (attribute_not_exists(codeSends) OR codeSends < :maxSends) AND (attribute_not_exists(codeSentAt) OR codeSentAt <= :since)",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":hash": code.hash, ":exp": code.expiresAt, ":sent": code.sentAt, ":one": 1,
              ":pending": "pending-verification", ":maxSends": limits.maxSends, ":since": limits.notSentSince,
            },
          }),
        ),
      );
      return done !== undefined;
    },
    async activateSms(id, subscriptionArn) {
      const done = await sendIf(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: subscriptionKey(id),
            UpdateExpression: "SET #status = :active, subscriptionArn = :arn REMOVE codeHash, codeExpiresAt, codeAttempts, codeSends, codeSentAt, sealedAddress, expiresAt",
            ConditionExpression: "#status = :pending",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":active": "active", ":arn": subscriptionArn, ":pending": "pending-verification" },
          }),
        ),
      );
      return done !== undefined;
    },
  };
}
