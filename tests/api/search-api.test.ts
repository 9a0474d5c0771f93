import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpus, startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());

const ids = async (query: string): Promise<string[]> => (await api.json(`/headlines?${query}`)).body.items.map((h: { id: string }) => h.id);

/** Every id across pages, following nextCursor. */
async function collect(query: string, maxPages = 100): Promise<{ ids: string[]; pages: number }> {
  const out: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { body }: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.json(`/headlines?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    out.push(...body.items.map((h: { id: string }) => h.id));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < maxPages);
  return { ids: out, pages };
}

describe("GET /headlines?q= uses the alerts' query language", () => {
  it.each([
    ["военная база", ["base-ru-1", "base-ru-2"]],
    ['"военные базы"', ["base-ru-1", "base-ru-2"]],
    // Kazakh stemming reads базасын as база, so the Kazakh copy matches too.
    ["база", ["base-ru-1", "base-ru-2", "base-kk-1"]],
    ['"әскери база"', ["base-kk-1"]],
    ['"military base" OR "air base"', ["base-en-1"]],
    ["базар", ["bazaar-ru"]],
    ["токаев -пенсия", ["tie-b"]],
    ["(тенге OR доллар) нацбанк", ["tenge-ru"]],
  ])("q=%s finds %j and nothing else", async (q, expected) => {
    expect(await ids(`q=${encodeURIComponent(q)}`)).toEqual(expected);
  });

  it("a topic is its curated query, and ANDs with q", async () => {
    expect(await ids("topic=military-bases")).toEqual(["base-ru-1", "base-ru-2", "base-kk-1", "base-en-1"]);
    expect(await ids(`topic=military-bases&q=${encodeURIComponent("США")}`)).toEqual(["base-ru-1", "base-ru-2"]);
  });

  it.each([
    ["q=-база", "q", /only exclusions/],
    [`q=${encodeURIComponent('"военная база')}`, "q", /quote/],
    [`q=${"а".repeat(501)}`, "q", /500/],
    ["topic=nope", "topic", /unknown topic "nope"/],
    ["since=yesterday", "since", /ISO 8601/],
    ["since=2026-11-30&until=2026-11-29", "until", /later than since/],
    ["group=source", "group", /story/],
  ])("%s is a 400 naming %s", async (query, name, reason) => {
    const { res, body } = await api.json(`/headlines?${query}`);
    expect(res.status).toBe(400);
    expect(body.invalidParams.map((p: { name: string }) => p.name)).toContain(name);
    expect(body.invalidParams.find((p: { name: string }) => p.name === name).reason).toMatch(reason);
  });
});

describe("filters and order", () => {
  it("orders by publishedAt, newest first, and by id on ties, the same on every call", async () => {
    const all = (await collect("limit=100")).ids;
    const expected = [...corpus].sort((a, b) => (a.publishedAt === b.publishedAt ? (a.id < b.id ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1)).map((h) => h.id);
    expect(all).toEqual(expected);
    expect(all.indexOf("tie-b")).toBe(all.indexOf("tie-a") - 1);
    expect((await collect("limit=3")).ids).toEqual(expected);
  });

  it("since is inclusive and until exclusive, in any offset", async () => {
    // base-ru-1 is 23:50Z on Nov 29, i.e. 04:50 on Nov 30 in Almaty.
    expect(await ids("since=2026-11-29T23:50:00Z&until=2026-11-30T00:00:00Z")).toEqual(["base-ru-1"]);
    expect(await ids(`since=${encodeURIComponent("2026-11-30T04:35:00+05:00")}`)).toEqual(["base-ru-1", "base-ru-2"]);
    expect(await ids("until=2026-11-29T23:50:00Z&limit=1")).toEqual(["base-ru-2"]);
    expect(await ids("since=2026-11-30T00:00:00Z")).toEqual([]);
  });

  it("lang and source narrow the search and combine with q", async () => {
    expect(await ids("lang=kk")).toEqual(["base-kk-1", "flood-kk"]);
    expect(await ids(`source=kursiv-ru&q=${encodeURIComponent("база")}`)).toEqual(["base-ru-2"]);
    expect(await ids("source=kursiv-ru&lang=kk")).toEqual([]);
  });
});

describe("group=story", () => {
  it("returns one entry per story with the other sources in alsoIn", async () => {
    const { body } = await api.json("/headlines?topic=military-bases&group=story");
    expect(body.items.map((h: { id: string }) => h.id)).toEqual(["base-ru-1", "base-en-1"]);
    expect(body.items[0].alsoIn).toEqual([
      { source: "kursiv-ru", id: "base-ru-2", link: "https://news.example.kz/base-ru-2" },
      { source: "tengrinews-kk", id: "base-kk-1", link: "https://news.example.kz/base-kk-1" },
    ]);
    expect(body.items[1].alsoIn).toEqual([]);
  });

  it("counts stories, not headlines, toward limit", async () => {
    const { body } = await api.json("/headlines?group=story&limit=2");
    expect(body.items.map((h: { id: string }) => h.id)).toEqual(["base-ru-1", "base-en-1"]);
    expect(body.items[0].alsoIn).toHaveLength(2);
    const rest = await collect("group=story&limit=2");
    expect(rest.ids).toHaveLength(corpus.length - 2);
  });
});

describe("paging a search", () => {
  it("visits every match exactly once across pages", async () => {
    const q = `q=${encodeURIComponent("погода OR база")}`;
    const { ids: paged } = await collect(`${q}&limit=4`);
    const whole = await ids(`${q}&limit=100`);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(43);
  });

  it("stops after the scan bound, says so, and continues where it stopped", async () => {
    const bounded = await startApiFixture({ searchScanLimit: 5 });
    try {
      const first = await bounded.json(`/headlines?q=${encodeURIComponent("пенсия")}`);
      expect(first.body.items).toEqual([]);
      expect(first.body.scan).toMatchObject({ examined: 5, limitReached: true, oldestExamined: corpus[4]?.publishedAt });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await bounded.json(`/headlines?q=${encodeURIComponent("пенсия")}&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(second.body.items.map((h: { id: string }) => h.id)).toEqual(["tie-a"]);
    } finally {
      await bounded.close();
    }
  });

  it("refuses a cursor made for other filters", async () => {
    const first = await api.json(`/headlines?limit=1&q=${encodeURIComponent("погода")}`);
    const res = await api.call(`/headlines?limit=1&q=${encodeURIComponent("база")}&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(res.status).toBe(400);
  });
});
