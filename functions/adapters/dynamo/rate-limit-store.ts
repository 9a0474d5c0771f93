import { UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Fixed-window request counters shared by every Lambda instance.
 *   counter  pk=RATE#<scope>#<key>  sk=<windowStart epoch s>  n, expiresAt (TTL: the window's end plus a minute)
 * Keys are hashes (of an address or a client IP), never the values themselves.
 */
export interface RateLimitStore {
  /** Counts one hit; returns the count in the current window and the seconds until it resets. */
  hit(scope: string, key: string, windowSeconds: number, now: Date): Promise<{ count: number; retryAfterSeconds: number }>;
}

export function makeRateLimitStore(doc: DynamoDBDocumentClient, tableName: string): RateLimitStore {
  return {
    async hit(scope, key, windowSeconds, now) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const start = nowSeconds - (nowSeconds % windowSeconds);
      const end = start + windowSeconds;
      const res = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `RATE#${scope}#${key}`, sk: String(start) },
          UpdateExpression: "ADD n :one SET expiresAt = :exp",
          ExpressionAttributeValues: { ":one": 1, ":exp": end + 60 },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return { count: Number(res.Attributes?.n ?? 1), retryAfterSeconds: Math.max(1, end - nowSeconds) };
    },
  };
}
