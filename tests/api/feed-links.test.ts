import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Headline } from "../../functions/core/feeds/headline.js";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

const PUBLIC = "https://dabyl.example.kz";
let api: ApiFixture;
let bare: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture({ publicUrl: PUBLIC });
  bare = await startApiFixture();
});
afterAll(async () => {
  await api.close();
  await bare.close();
});

// What a node server builds from `Host: evil.example`: the request URL itself names that host.
const viaEvilHost = (app: ApiFixture, path: string) => app.app.request(`http://evil.example${path}`, { headers: { Host: "evil.example" } });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("a forged Host header never reaches feed links or ids", () => {
  it.each(["rss", "atom", "json"])("/headlines.%s links to the configured public URL whatever the Host", async (ext) => {
    const res = await viaEvilHost(api, `/headlines.${ext}?lang=ru&limit=2`);
    const body = await res.text();
    expect(body).not.toContain("evil.example");
    const amp = ext === "json" ? "&" : "&amp;";
    expect(body).toContain(`${PUBLIC}/headlines.${ext}?lang=ru${amp}limit=2`);
  });

  it.each(["rss", "atom", "json"])("/headlines.%s item ids are the same from any host and any deployment", async (ext) => {
    const a = await (await bare.call(`/headlines.${ext}?limit=3`)).text();
    const b = await (await viaEvilHost(api, `/headlines.${ext}?limit=3`)).text();
    const ids = (text: string) => [...text.matchAll(/urn:dabyl:headline:[\w-]+/g)].map((m) => m[0]);
    expect(ids(a)).toHaveLength(3);
    expect(ids(b)).toEqual(ids(a));
  });

  it("a URL known only once the server listens can be given as a function", async () => {
    let url: string | undefined;
    const late = await startApiFixture({ publicUrl: () => url });
    try {
      url = "http://127.0.0.1:41234";
      const feed = (await (await late.app.request("http://evil.example/headlines.json?limit=1")).json()) as { feed_url: string };
      expect(feed.feed_url).toBe("http://127.0.0.1:41234/headlines.json?limit=1");
    } finally {
      await late.close();
    }
  });

  it("without a configured URL the request's origin is used and the answer varies by Host", async () => {
    const res = await viaEvilHost(bare, "/headlines.rss?limit=1");
    expect(res.headers.get("vary")).toMatch(/\bHost\b/i);
  });
});

describe("JSON Feed text is JSON, not XML", () => {
  it("keeps ']]>' and '<' in titles as written; only XML needs them escaped", async () => {
    const title = "Тест ]]> <b>жирный</b> & «кавычки»";
    const h: Headline = {
      id: "cdata-title", source: "kursiv-ru", lang: "ru", title, summary: "", storyId: "cdata-title",
      link: "https://news.example.kz/cdata-title", publishedAt: "2026-11-30T01:00:00.000Z",
    };
    await bare.db.stores.headlines.save([h], { now: new Date("2026-11-30T01:00:00Z"), retentionDays: 30 });
    const feed = (await (await bare.call("/headlines.json?limit=1")).json()) as { items: { title: string; content_text: string }[] };
    expect(feed.items[0]?.title).toBe(title);
    expect(feed.items[0]?.content_text).toBe(title);
    // RSS still parses, and its title reads the same apart from the CDATA guard.
    const rss = xml.parse(await (await bare.call("/headlines.rss?limit=1")).text());
    expect(String(rss.rss.channel.item.title)).toContain("<b>жирный</b>");
  });
});
