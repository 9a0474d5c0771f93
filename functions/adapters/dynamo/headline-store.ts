import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { tableSchema } from "../../config/table.js";
import type { Headline } from "../../core/feeds/headline.js";
import { contentHash } from "../../core/feeds/identity.js";
import type { StoryEntry } from "../../core/feeds/story-index.js";
import { conditionFailed } from "./conditional-write.js";
import { queryAll } from "./query-all.js";

export interface SaveResult {
  readonly inserted: Headline[];
  readonly updated: Headline[];
  readonly unchanged: number;
}

export interface SaveOptions {
  readonly now: Date;
  readonly retentionDays: number;
  /**
   * Ids whose publishedAt is only the fetch time (the feed gave no date, or one in the future):
   * a stored item keeps its first publishedAt, so re-polling does not count as an edit.
   */
  readonly guessedDates?: ReadonlySet<string>;
  /**
   * Picks the storyId of each headline not stored yet (stored ones keep theirs); called once
   * per new headline, in order, after the existing ones are known.
   */
  readonly assignStory?: (h: Headline) => string;
}

export interface HeadlineStore {
  /** Writes only new or edited headlines; unchanged ones cost a read, never a write. */
  save(items: readonly Headline[], opts: SaveOptions): Promise<SaveResult>;
  /** Headlines published since `sinceIso` (ISO), newest first, with just what story matching needs. */
  recentStories(sinceIso: string): Promise<StoryEntry[]>;
  get(id: string): Promise<Headline | undefined>;
}

const HEADLINE_FIELDS = ["id", "source", "title", "summary", "link", "publishedAt", "lang", "storyId"] as const;
const pk = (id: string) => `HL#${id}`;
const SK = "HL";

function toHeadline(item: Record<string, unknown>): Headline {
  const out: Record<string, unknown> = {};
  for (const f of HEADLINE_FIELDS) out[f] = item[f];
  return out as unknown as Headline;
}

const hashOf = (h: Headline) => contentHash([h.title, h.summary, h.link, h.publishedAt, h.lang]);

export function makeHeadlineStore(doc: DynamoDBDocumentClient, tableName: string): HeadlineStore {
  type Existing = { hash: string; publishedAt: string; storyId: string };
  async function existingHashes(ids: string[]): Promise<Map<string, Existing>> {
    const found = new Map<string, Existing>();
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => ({ pk: pk(id), sk: SK }));
      for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt++) {
        const res: BatchGetCommandOutput = await doc.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ProjectionExpression: "id, contentHash, publishedAt, storyId" } } }),
        );
        for (const it of res.Responses?.[tableName] ?? []) {
          found.set(it.id as string, { hash: it.contentHash as string, publishedAt: it.publishedAt as string, storyId: it.storyId as string });
        }
        keys = res.UnprocessedKeys?.[tableName]?.Keys;
      }
    }
    return found;
  }

  return {
    async save(items, { now, retentionDays, guessedDates, assignStory }) {
      const unique = [...new Map(items.map((h) => [h.id, h])).values()];
      const existing = await existingHashes(unique.map((h) => h.id));
      const inserted: Headline[] = [];
      const updated: Headline[] = [];
      let unchanged = 0;
      for (const item of unique) {
        const before = existing.get(item.id);
        let h = item;
        if (before && guessedDates?.has(h.id)) h = { ...h, publishedAt: before.publishedAt };
        if (before) h = { ...h, storyId: before.storyId ?? h.storyId };
        else if (assignStory) h = { ...h, storyId: assignStory(h) };
        const hash = hashOf(h);
        if (before?.hash === hash) {
          unchanged++;
          continue;
        }
        const sortKey = `${h.publishedAt}#${h.id}`;
        const expiresAt = Math.floor(new Date(h.publishedAt).getTime() / 1000) + retentionDays * 86_400;
        try {
          const res = await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { pk: pk(h.id), sk: SK },
              UpdateExpression:
                "SET id = :id, #source = :source, title = :title, summary = :summary, link = :link, publishedAt = :publishedAt, " +
                "lang = :lang, storyId = if_not_exists(storyId, :storyId), contentHash = :hash, updatedAt = :now, firstSeenAt = if_not_exists(firstSeenAt, :now), " +
                "expiresAt = :exp, gsi1pk = :g1, gsi1sk = :sk, gsi2pk = :g2, gsi2sk = :sk, gsi3pk = :g3, gsi3sk = :sk",
              ConditionExpression: "attribute_not_exists(pk) OR contentHash <> :hash",
              ExpressionAttributeNames: { "#source": "source" },
              ExpressionAttributeValues: {
                ":id": h.id,
                ":source": h.source,
                ":title": h.title,
                ":summary": h.summary,
                ":link": h.link,
                ":publishedAt": h.publishedAt,
                ":lang": h.lang,
                ":storyId": h.storyId,
                ":hash": hash,
                ":now": now.toISOString(),
                ":exp": expiresAt,
                ":g1": "HL",
                ":g2": `SRC#${h.source}`,
                ":g3": `LANG#${h.lang}`,
                ":sk": sortKey,
              },
              ReturnValues: "UPDATED_OLD",
            }),
          );
          if (res.Attributes?.contentHash) updated.push(h);
          else inserted.push(h);
        } catch (e) {
          // Another poller wrote the same content first: nothing to do.
          if (conditionFailed(e)) unchanged++;
          else throw e;
        }
      }
      return { inserted, updated, unchanged };
    },

    async recentStories(sinceIso) {
      const [all] = tableSchema.globalIndexes;
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: all.name,
        KeyConditionExpression: "#h = :h AND #r >= :since",
        ExpressionAttributeNames: { "#h": all.hashKey, "#r": all.rangeKey, "#source": "source" },
        ExpressionAttributeValues: { ":h": "HL", ":since": sinceIso },
        ProjectionExpression: "id, #source, title, storyId, publishedAt",
        ScanIndexForward: false,
      });
      return items as unknown as StoryEntry[];
    },

    async get(id) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: { pk: pk(id), sk: SK } }));
      return res.Item ? toHeadline(res.Item) : undefined;
    },
  };
}
