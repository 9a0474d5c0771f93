import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/api/app.js";
import type { Source } from "../../functions/config/sources.js";
import type { Headline } from "../../functions/core/feeds/headline.js";
import { silentLogger } from "../../functions/core/logger.js";
import { startTestDb, type TestDb } from "../helpers/local-dynamo.js";

const sources: Source[] = [
  { id: "ru-news", kind: "rss", url: "http://127.0.0.1:9/ru.xml", lang: "ru" },
  { id: "kk-news", kind: "rss", url: "http://127.0.0.1:9/kk.xml", lang: "kk" },
];

function headline(i: number, source: string, lang: string): Headline {
  const id = `h${String(i).padStart(3, "0")}`;
  return {
    id,
    source,
    title: `Заголовок ${i}`,
    summary: `Текст ${i}`,
    link: `https://example.kz/${id}`,
    publishedAt: new Date(Date.UTC(2026, 10, 30, 0, i)).toISOString(),
    lang,
    storyId: id,
  };
}

let db: TestDb;
let app: ReturnType<typeof createApp>;
const all = Array.from({ length: 45 }, (_, i) => (i % 3 === 0 ? headline(i, "kk-news", "kk") : headline(i, "ru-news", "ru")));

beforeAll(async () => {
  db = await startTestDb();
  await db.stores.headlines.save(all, { now: new Date("2026-11-30T12:00:00Z"), retentionDays: 30 });
  app = createApp({ ...db.stores, sources, log: silentLogger });
});
afterAll(() => db.close());

async function getJson(path: string) {
  const res = await app.request(path);
  return { res, body: (await res.json()) as Record<string, any> };
}

async function collect(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { res, body } = await getJson(`/headlines?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    ids.push(...body.items.map((h: Headline) => h.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe("GET /health", () => {
  it("answers ok", async () => {
    const { res, body } = await getJson("/health");
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true });
  });
});

describe("GET /headlines", () => {
  it("returns 20 by default, newest first, with every contract field", async () => {
    const { body } = await getJson("/headlines");
    expect(body.items).toHaveLength(20);
    const times = body.items.map((h: Headline) => h.publishedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(body.items[0]).toMatchObject({ id: "h044", title: "Заголовок 44", lang: "ru", source: "ru-news" });
    for (const key of ["id", "title", "summary", "link", "publishedAt", "lang", "source"]) expect(body.items[0]).toHaveProperty(key);
    expect(typeof body.nextCursor).toBe("string");
  });

  it("pages through everything exactly once, and the last page says nextCursor: null", async () => {
    const ids = await collect("limit=7");
    expect(ids).toHaveLength(45);
    expect(new Set(ids).size).toBe(45);
  });

  it("filters by language and by source, and combines them", async () => {
    expect(await collect("lang=kk&limit=4")).toEqual(all.filter((h) => h.lang === "kk").map((h) => h.id).reverse());
    expect(await collect("source=ru-news&limit=100")).toHaveLength(30);
    expect(await collect("source=ru-news&lang=kk&limit=5")).toEqual([]);
  });

  it.each([
    ["limit=0", "limit", /at least 1/],
    ["limit=101", "limit", /at most 100/],
    ["limit=ten", "limit", /number/],
    ["lang=russian", "lang", /ru, kk, en/],
    ["cursor=garbage", "cursor", /cursor is not valid/],
    ["source=nope", "source", /unknown source "nope"/],
  ])("%s is a 400 problem naming %s", async (query, param, reason) => {
    const res = await app.request(`/headlines?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { detail: string; invalidParams: { name: string; reason: string }[] };
    expect(body.detail).toContain(param);
    expect(body.invalidParams[0]?.name).toBe(param);
    expect(body.invalidParams[0]?.reason).toMatch(reason);
  });

  it("refuses a cursor from another filter instead of serving the wrong page", async () => {
    const { body } = await getJson("/headlines?lang=kk&limit=2");
    const res = await app.request(`/headlines?limit=2&cursor=${encodeURIComponent(body.nextCursor)}`);
    expect(res.status).toBe(400);
  });
});

describe("GET /headlines/{id}", () => {
  it("returns the item", async () => {
    const { res, body } = await getJson("/headlines/h010");
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: "h010", title: "Заголовок 10", link: "https://example.kz/h010" });
  });

  it("is a 404 problem for an unknown id", async () => {
    const res = await app.request("/headlines/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toContain("nope");
  });
});

describe("errors", () => {
  it("an unknown route is a 404 problem", async () => {
    const res = await app.request("/nowhere");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("a storage failure is a 500 problem without internals", async () => {
    const broken = createApp({
      ...db.stores,
      search: { search: () => Promise.reject(new Error("secret table dabyl-prod at 10.0.0.1")) },
      sources,
      log: silentLogger,
    });
    const res = await broken.request("/headlines");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text).detail).toMatch(/went wrong/);
  });
});

describe("GET /sources", () => {
  it("lists every configured source as pending before any poll", async () => {
    const { body } = await getJson("/sources");
    expect(body.sources.map((s: { id: string }) => s.id)).toEqual(["ru-news", "kk-news"]);
    expect(body.sources[0]).toMatchObject({ kind: "rss", status: "pending", lastError: null, consecutiveFailures: 0, itemCount: 0 });
  });
});
