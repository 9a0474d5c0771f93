import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Headline } from "../../../functions/core/feeds/headline.js";
import { readFeed } from "../../../functions/core/feeds/read-feed.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const fetchedAt = new Date("2026-11-30T10:00:00Z");

async function read(name: string, contentType?: string, lang?: string) {
  return readFeed({
    source: { id: "src", kind: "rss", url: "https://example.kz/feed.xml", ...(lang ? { lang } : {}) },
    body: fixture(name),
    contentType,
    url: "https://example.kz/feed.xml",
    fetchedAt,
    defaultTimezone: "Asia/Almaty",
  });
}

async function headlines(name: string, contentType?: string): Promise<Headline[]> {
  const r = await read(name, contentType);
  if (!r.ok) throw new Error(`expected ${name} to read, got: ${r.error.message}`);
  return r.value.headlines;
}

const wheat = "Казахстан наращивает экспорт пшеницы глубокой переработки";

describe("charsets: the title a reader sees is the same whatever the bytes", () => {
  it.each([
    ["win1251-no-charset-header.xml", "text/xml", "windows-1251"],
    ["win1251-no-declaration.xml", "application/rss+xml", "windows-1251"],
    ["koi8r-prolog.xml", "text/xml", "koi8-r"],
    ["koi8r-no-declaration.xml", undefined, "koi8-r"],
    ["iso8859-5-header-only.xml", "text/xml; charset=ISO-8859-5", "iso-8859-5"],
    ["utf8-body-lying-prolog.xml", "text/xml", "utf-8"],
    ["utf8-body-lying-prolog.xml", "text/xml; charset=windows-1251", "utf-8"],
    ["bom-utf8.xml", "text/xml", "utf-8"],
    ["utf16le-bom.xml", "text/xml", "utf-16le"],
  ])("%s served as %s reads as %s", async (name, type, charset) => {
    const r = await read(name, type);
    expect(r.ok && r.value.charset).toBe(charset);
    expect((await headlines(name, type))[0]?.title).toBe(wheat);
  });
});

describe("formats", () => {
  it.each([
    ["rss2-basic.xml", 2, "ru"],
    ["rdf-1.0.xml", 2, "kk"],
    ["atom-xml-base.xml", 2, "en"],
    ["jsonfeed-1.1.json", 3, "ru"],
    ["rss-0.91-doctype.xml", 1, "en"],
    ["rss-no-version.xml", 1, "ru"],
  ])("%s gives %i headlines in %s", async (name, count, lang) => {
    const items = await headlines(name);
    expect(items).toHaveLength(count);
    expect(items.every((h) => h.lang === lang)).toBe(true);
  });

  it("reads RDF dc:date with its offset", async () => {
    expect((await headlines("rdf-1.0.xml"))[0]).toMatchObject({ title: "Тоқаев Израиль Президентіне жеделхат жолдады", publishedAt: "2026-11-30T04:15:00.000Z" });
  });

  it("reads JSON Feed items: HTML content made plain, numeric ids, relative urls, external_url, title from text", async () => {
    const [a, b, c] = await headlines("jsonfeed-1.1.json");
    expect(a).toMatchObject({ title: "Нацбанк выпустил коллекционную монету", summary: "Монета из серии «Недра Казахстана»", publishedAt: "2026-11-30T05:00:00.000Z" });
    expect(b).toMatchObject({ link: "https://example.kz/j/2", summary: "Проверки начнутся в январе" });
    expect(c).toMatchObject({ link: "https://other.kz/x", title: "Заметка без заголовка, только текст" });
  });

  it("resolves Atom links against xml:base of the feed and of the entry, and strips tracking", async () => {
    const [a, b] = await headlines("atom-xml-base.xml");
    expect(a).toMatchObject({ link: "https://example.kz/en/news/davos", summary: "The President will speak." });
    expect(b?.link).toBe("https://cdn.example.kz/archive/wheat");
  });

  it("decodes the HTML entities an RSS 0.91 DTD declared, without reading the DTD", async () => {
    expect((await headlines("rss-0.91-doctype.xml"))[0]?.title).toBe("Café opens in Almaty — report");
  });
});

describe("hostile and broken input", () => {
  it.each(["billion-laughs.xml", "xxe-file.xml"])("%s is read without expanding any entity, fast", async (name) => {
    const t0 = performance.now();
    const r = await read(name);
    expect(performance.now() - t0).toBeLessThan(500);
    if (!r.ok) throw r.error;
    const text = r.value.headlines.map((h) => `${h.title} ${h.summary}`).join(" ");
    expect(text).not.toMatch(/lol|root:|passwd/);
    expect(r.value.warnings.join()).toMatch(/entity declarations.*never expanded/);
  });

  it("keeps a feed whose text holds control characters XML forbids, and drops them", async () => {
    expect((await headlines("control-chars.xml"))[0]).toMatchObject({ title: "Минздрав возобновляет проверки", summary: "Текст с управляющими символами внутри" });
  });

  it("reads a bare & as text", async () => {
    expect((await headlines("bare-ampersand.xml"))[0]).toMatchObject({ title: "AT&T и Kcell & Beeline подписали соглашение", link: "https://example.kz/a/1?x=1&y=2" });
  });

  it("keeps the complete items of a truncated feed and says so", async () => {
    const r = await read("truncated.xml");
    if (!r.ok) throw r.error;
    expect(r.value.headlines.map((h) => h.link)).toEqual([1, 2, 3].map((i) => `https://example.kz/tr/${i}`));
    expect(r.value.warnings).toContain("truncated: kept 3 complete items");
  });

  it.each([
    ["html-page.html", "text/html; charset=utf-8", "not a feed: got text/html"],
    ["html-page.html", undefined, "not a feed: got an HTML page"],
  ])("refuses %s (%s) with a message a person understands", async (name, type, message) => {
    const r = await read(name, type);
    expect(!r.ok && r.error.message).toBe(message);
  });

  it.each([
    ["", /not a feed: the body is empty/],
    ["{\"hello\": 1}", /not a JSON Feed/],
    ["<rss version=\"2.0\"><channel><title>x</title><item><title>a</b></item></channel></rss>", /not a feed: broken XML \(Unexpected close tag/],
    ["<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", /not a feed: XML, but not RSS, RDF or Atom/],
    ["<!DOCTYPE rss [ <!ENTITY a \"x\"", /DOCTYPE that never ends/],
  ])("refuses %j", async (text, message) => {
    const r = await readFeed({ source: { id: "s", kind: "rss", url: "https://e.kz/f" }, body: Buffer.from(text), url: "https://e.kz/f", fetchedAt, defaultTimezone: "Asia/Almaty" });
    expect(!r.ok && r.error.message).toMatch(message);
  });
});

describe("normalizing what a reader sees", () => {
  it("turns HTML in titles and summaries into plain text, double-escaped or in CDATA, scripts dropped", async () => {
    expect((await headlines("html-in-title.xml"))[0]).toMatchObject({
      title: "Срочно: Токаев & правительство «обсудили» бюджет",
      summary: "Первый абзац. Второй абзац ссылка",
    });
  });

  it.each([
    ["https://example.kz/z/1", "2026-11-30T05:00:00.000Z"],
    ["https://example.kz/z/2", "2026-11-30T05:00:00.000Z"],
    ["https://example.kz/z/3", "2026-11-30T05:00:00.000Z"],
    ["https://example.kz/z/4", "2026-11-30T10:00:00.000Z"],
  ])("reads zone-less dates in Asia/Almaty: %s -> %s", async (link, iso) => {
    expect((await headlines("zone-less-dates.xml")).find((h) => h.link === link)?.publishedAt).toBe(iso);
  });

  it("clamps dates more than 1 h ahead to the fetch time, keeps ones just ahead, dates undated items at the fetch", async () => {
    const r = await read("future-date.xml");
    if (!r.ok) throw r.error;
    const [far, near, none] = r.value.headlines;
    expect(far?.publishedAt).toBe(fetchedAt.toISOString());
    expect(near?.publishedAt).toBe("2026-11-30T10:30:00.000Z");
    expect(none?.publishedAt).toBe(fetchedAt.toISOString());
    expect([...r.value.guessedDates].sort()).toEqual([far!.id, none!.id].sort());
  });

  it("strips tracking parameters and fragments from links", async () => {
    expect((await headlines("tracking-params.xml")).map((h) => h.link)).toEqual(["https://example.kz/t/1?id=5", "https://example.kz/t/2?page=2"]);
  });

  it("makes relative links absolute against the channel link, and falls back to a guid URL", async () => {
    expect((await headlines("relative-links.xml")).map((h) => h.link)).toEqual(["https://www.example.kz/news/rel-1", "https://example.kz/news/rel-2"]);
  });

  it("detects Kazakh, Russian and English when neither item, feed nor source says", async () => {
    expect((await headlines("no-language.xml")).map((h) => h.lang)).toEqual(["kk", "ru", "en"]);
  });

  it("uses the source's language before detection", async () => {
    const r = await read("no-language.xml", undefined, "kk");
    expect(r.ok && r.value.headlines.map((h) => h.lang)).toEqual(["kk", "kk", "kk"]);
  });

  it("gives the same ids to the same items on every read", async () => {
    const a = (await headlines("rss2-basic.xml")).map((h) => h.id);
    const b = (await headlines("rss2-basic.xml")).map((h) => h.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(2);
  });
});
