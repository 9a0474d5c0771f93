import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Headline } from "../../../functions/core/feeds/headline.js";
import { startTestDb, type TestDb } from "../../helpers/local-dynamo.js";

let db: TestDb;
beforeAll(async () => {
  db = await startTestDb();
});
afterAll(() => db.close());

const h = (id: string, over: Partial<Headline> = {}): Headline => ({
  id,
  source: "s",
  title: `Заголовок ${id}`,
  summary: "",
  link: `https://e.kz/${id}`,
  publishedAt: "2026-11-30T05:00:00.000Z",
  lang: "ru",
  storyId: id,
  ...over,
});
const now = new Date("2026-11-30T10:00:00Z");

describe("headline store", () => {
  it("keeps the first publishedAt of an undated item, so re-polling is not an edit", async () => {
    await db.stores.headlines.save([h("u1", { publishedAt: now.toISOString() })], { now, retentionDays: 30 });
    const later = new Date("2026-11-30T10:05:00Z");
    const r = await db.stores.headlines.save([h("u1", { publishedAt: later.toISOString() })], { now: later, retentionDays: 30, guessedDates: new Set(["u1"]) });
    expect(r).toMatchObject({ inserted: [], updated: [], unchanged: 1 });
    expect((await db.stores.headlines.get("u1"))?.publishedAt).toBe(now.toISOString());
  });

  it("sets expiresAt to publishedAt plus the retention, for DynamoDB's TTL", async () => {
    await db.stores.headlines.save([h("ttl1")], { now, retentionDays: 7 });
    const item = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: "HL#ttl1", sk: "HL" } }));
    expect(item.Item?.expiresAt).toBe(Date.parse("2026-11-30T05:00:00.000Z") / 1000 + 7 * 86_400);
  });

  it("asks for a storyId only for new headlines and keeps a stored one's", async () => {
    const asked: string[] = [];
    const assignStory = (x: Headline) => (asked.push(x.id), "story-1");
    await db.stores.headlines.save([h("s1")], { now, retentionDays: 30, assignStory });
    await db.stores.headlines.save([h("s1", { title: "Правка" }), h("s2")], { now, retentionDays: 30, assignStory: (x) => (asked.push(x.id), "story-2") });
    expect(asked).toEqual(["s1", "s2"]);
    expect((await db.stores.headlines.get("s1"))?.storyId).toBe("story-1");
    expect((await db.stores.headlines.get("s2"))?.storyId).toBe("story-2");
  });

  it("lists recent headlines for story matching, newest first, since a time", async () => {
    await db.stores.headlines.save([h("old", { publishedAt: "2026-11-20T00:00:00.000Z" }), h("new", { publishedAt: "2026-11-30T09:00:00.000Z" })], { now, retentionDays: 30 });
    const recent = await db.stores.headlines.recentStories("2026-11-29T00:00:00.000Z");
    expect(recent.map((e) => e.publishedAt)).toEqual([...recent.map((e) => e.publishedAt)].sort().reverse());
    expect(recent.find((e) => e.id === "new")).toEqual({ id: "new", source: "s", title: "Заголовок new", storyId: "new", publishedAt: "2026-11-30T09:00:00.000Z" });
    expect(recent.map((e) => e.id)).not.toContain("old");
  });
});
