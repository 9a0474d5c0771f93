import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (_name, jpath) =>
    ["rss.channel.item", "rss.channel.atom:link", "feed.entry", "feed.link", "feed.entry.link"].includes(String(jpath)),
});
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
// Written the way URLSearchParams writes it (space as +), as the self links are.
const q = new URLSearchParams({ q: "военная база" }).toString();

describe("GET /headlines.rss", () => {
  it("is RSS 2.0 with a self link, guids, RFC 822 dates and the search's items", async () => {
    const res = await api.call(`/headlines.rss?${q}`);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const doc = xml.parse(await res.text());
    expect(doc.rss["@version"]).toBe("2.0");
    const ch = doc.rss.channel;
    for (const required of ["title", "link", "description"]) expect(ch[required]).toBeTruthy();
    expect(ch["atom:link"][0]).toMatchObject({ "@rel": "self", "@type": "application/rss+xml", "@href": `http://localhost/headlines.rss?${q}` });
    expect(ch.item.map((i: { link: string }) => i.link)).toEqual(["https://news.example.kz/base-ru-1", "https://news.example.kz/base-ru-2"]);
    for (const item of ch.item) {
      expect(item.pubDate).toMatch(RFC_822);
      expect(item.guid["#text"]).toBe(`urn:dabyl:headline:${item.link.split("/").pop()}`);
      expect(item.guid["@isPermaLink"]).toBe("false");
    }
    expect(ch.lastBuildDate).toBe(ch.item[0].pubDate);
  });
});

describe("GET /headlines.atom", () => {
  it("is Atom 1.0 with id, updated, author, self and alternate links, and entries with ids and dates", async () => {
    const res = await api.call(`/headlines.atom?${q}`);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = xml.parse(await res.text()).feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`http://localhost/headlines.atom?${q}`);
    expect(feed.updated).toMatch(RFC_3339);
    expect(feed.author.name).toBe("dabyl");
    expect(feed.link.map((l: { "@rel": string }) => l["@rel"]).sort()).toEqual(["alternate", "self"]);
    expect(feed.entry).toHaveLength(2);
    for (const e of feed.entry) {
      expect(e.id).toBe(`urn:dabyl:headline:${e.link[0]["@href"].split("/").pop()}`);
      expect(e.updated).toMatch(RFC_3339);
      expect(e.link[0]["@href"]).toMatch(/^https:\/\/news\.example\.kz\//);
    }
  });

  it("escapes text where Atom reads HTML", async () => {
    const res = await api.call(`/headlines.atom?q=${encodeURIComponent("курс тенге")}`);
    const feed = xml.parse(await res.text()).feed;
    expect(feed.entry[0].title["#text"]).toBe("Нацбанк: курс тенге укрепился к доллару");
  });
});

describe("GET /headlines.json", () => {
  it("is JSON Feed 1.1 with feed_url, item ids, urls, RFC 3339 dates, text, language and authors", async () => {
    const res = await api.call(`/headlines.json?${q}&lang=ru`);
    expect(res.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = (await res.json()) as Record<string, any>;
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`http://localhost/headlines.json?${q}&lang=ru`);
    expect(feed.language).toBe("ru");
    expect(feed.authors).toEqual([{ name: "dabyl" }]);
    expect(feed.author).toBeUndefined();
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual(["https://news.example.kz/base-ru-1", "https://news.example.kz/base-ru-2"]);
    for (const i of feed.items) {
      expect(i.id).toBe(`urn:dabyl:headline:${i.url.split("/").pop()}`);
      expect(i.date_published).toMatch(RFC_3339);
      expect(i.content_text).toBe(i.title);
      expect(i.language).toBe("ru");
    }
    expect(feed.items.map((i: { authors: unknown }) => i.authors)).toEqual([[{ name: "tengrinews-ru" }], [{ name: "kursiv-ru" }]]);
  });
});

describe("feeds share the search's filters and errors", () => {
  it.each(["rss", "atom", "json"])("/headlines.%s with group=story lists a story once", async (ext) => {
    const res = await api.call(`/headlines.${ext}?topic=military-bases&group=story`);
    const text = await res.text();
    expect(text).toContain("base-ru-1");
    expect(text).not.toContain("base-ru-2");
    expect(text).not.toContain("base-kk-1");
  });

  it.each(["rss", "atom", "json"])("/headlines.%s with a bad query is a 400 problem", async (ext) => {
    const res = await api.call(`/headlines.${ext}?q=-x`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("leaves the cursor out of self links, so a reader always follows the newest page", async () => {
    const first = await api.json("/headlines?limit=2");
    const res = await api.call(`/headlines.json?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(((await res.json()) as { feed_url: string }).feed_url).toBe("http://localhost/headlines.json?limit=2");
  });
});
