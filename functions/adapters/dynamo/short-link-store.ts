import { createHash } from "node:crypto";
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Short links for SMS (GET /h/{shortId}).
 *   link  pk=SHORT#<shortId>  sk=SHORT  url, expiresAt
 * The id is a hash of the URL, so recording the same link twice (a retried delivery) is one link.
 */
export interface ShortLinkStore {
  /** The id shorten() will give `url`, without writing anything (a message can name its link before it is stored). */
  idFor(url: string): string;
  /** Stores the link (or extends its life) and returns its id. */
  shorten(url: string, now: Date, retentionDays: number): Promise<string>;
  /** The URL, or undefined when unknown or expired. */
  resolve(id: string, now: Date): Promise<string | undefined>;
}

/** 8 base64url characters: 48 bits, short enough for SMS, collisions negligible at news volumes. */
export function shortLinkId(url: string): string {
  return createHash("sha256").update(url).digest("base64url").slice(0, 8);
}

export function makeShortLinkStore(doc: DynamoDBDocumentClient, tableName: string): ShortLinkStore {
  return {
    idFor: shortLinkId,
    async shorten(url, now, retentionDays) {
      const id = shortLinkId(url);
      const expiresAt = Math.floor(now.getTime() / 1000) + retentionDays * 86_400;
      await doc.send(new PutCommand({ TableName: tableName, Item: { pk: `SHORT#${id}`, sk: "SHORT", url, expiresAt } }));
      return id;
    },
    async resolve(id, now) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: { pk: `SHORT#${id}`, sk: "SHORT" } }));
      const item = res.Item;
      // DynamoDB's TTL deletes lazily (up to days later); an expired link must not redirect meanwhile.
      if (!item || Number(item.expiresAt) * 1000 < now.getTime()) return undefined;
      return item.url as string;
    },
  };
}
