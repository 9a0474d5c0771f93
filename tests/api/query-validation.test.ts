import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpus, startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());

const ids = async (query: string): Promise<string[]> => {
  const { res, body } = await api.json(`/headlines?${query}`);
  expect(res.status).toBe(200);
  return body.items.map((h: { id: string }) => h.id);
};

async function collect(query: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const { body }: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.json(`/headlines?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    out.push(...body.items.map((h: { id: string }) => h.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return out;
}

describe("one rule for every filter value", () => {
  it.each([
    ["lang=de", "lang", /ru, kk, en/],
    ["lang=russian", "lang", /ru, kk, en/],
    ["lang=ru,de", "lang", /ru, kk, en/],
    ["since=2026-02-30", "since", /real ISO 8601/],
    ["until=2026-11-31T10:00:00Z", "until", /real ISO 8601/],
    ["q=a&q=b", "q", /^give q once$/],
    ["source=kursiv-ru&source=tengrinews-ru", "source", /give source once; separate several values with commas/],
    ["limit=1&limit=2", "limit", /give limit once/],
    ["source=kursiv-ru,nope", "source", /unknown source "nope"/],
  ])("%s is a 400 naming %s", async (query, name, reason) => {
    const { res, body } = await api.json(`/headlines?${query}`);
    expect(res.status).toBe(400);
    const param = body.invalidParams.find((p: { name: string }) => p.name === name);
    expect(param?.reason).toMatch(reason);
  });

  it("a language code is read case-insensitively", async () => {
    expect(await ids("lang=KK")).toEqual(await ids("lang=kk"));
    expect(await ids("lang=KK")).toEqual(["base-kk-1", "flood-kk"]);
  });
});

describe("several sources or languages, comma-separated, are one newest-first stream", () => {
  it("lang=kk,en lists both languages in time order", async () => {
    expect(await ids("lang=kk,en")).toEqual(["base-kk-1", "base-en-1", "flood-kk"]);
  });

  it("source=a,b pages through exactly the union, each headline once", async () => {
    const ru = corpus.filter((h) => h.lang === "ru").length;
    const paged = await collect("source=tengrinews-ru,kursiv-ru&limit=7");
    expect(paged).toHaveLength(ru);
    expect(paged).toEqual(await ids("lang=ru&limit=100"));
  });

  it("source=a,b combines with q, lang and group=story", async () => {
    expect(await ids(`source=tengrinews-ru,tengrinews-kk&q=${encodeURIComponent("база")}`)).toEqual(["base-ru-1", "base-kk-1"]);
    expect(await ids("source=tengrinews-ru,tengrinews-kk&lang=kk")).toEqual(["base-kk-1", "flood-kk"]);
    const { body } = await api.json("/headlines?source=tengrinews-ru,kursiv-ru,tengrinews-kk&group=story&limit=1");
    expect(body.items[0].alsoIn.map((o: { id: string }) => o.id)).toEqual(["base-ru-2", "base-kk-1"]);
  });
});

describe("since and until", () => {
  it("an unencoded + offset (which arrives as a space) means that offset", async () => {
    // base-ru-1 is 23:50Z, base-ru-2 23:35Z: 04:35+05:00 is 23:35Z.
    expect(await ids("since=2026-11-30T04:35:00+05:00")).toEqual(["base-ru-1", "base-ru-2"]);
    expect(await ids(`since=${encodeURIComponent("2026-11-30 04:35+05:00")}`)).toEqual(["base-ru-1", "base-ru-2"]);
  });

  it("a bare date is midnight in Almaty", async () => {
    // Midnight on 30 November in Almaty is 19:00Z on the 29th: filler-06 (290 minutes before 00:00Z) is after it,
    // filler-07 (305 minutes before) is not.
    const since = await ids("since=2026-11-30&limit=100");
    expect(since.at(-1)).toBe("filler-06");
    expect((await ids("until=2026-11-30&limit=1"))[0]).toBe("filler-07");
  });
});
