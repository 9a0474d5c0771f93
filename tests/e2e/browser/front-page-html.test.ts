import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortenAtWord } from "../../../functions/api/page/shorten-at-word.js";
import { negotiateUiLang } from "../../../functions/api/page/ui-lang.js";
import { LONG_SUMMARY, LONG_TITLE, NASTY_TITLE, NOW, rate, startPageFixture, type PageFixture } from "./page-fixture.js";

let f: PageFixture;
beforeAll(async () => {
  f = await startPageFixture();
});
afterAll(() => f.close());

async function page(path: string, init?: RequestInit, app = f.app()) {
  const res = await app.request(path, init);
  return { res, html: await res.text() };
}

/** The text of the element with this id (tags dropped, entities of the escaped page kept). */
function section(html: string, open: string): string {
  const start = html.indexOf(open);
  expect(start, `no ${open} in the page`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}
const ticker = (html: string) => section(html, '<section class="ticker"');

describe("GET / without JavaScript", () => {
  it("shows the four rates with direction and date, and no 0.0 anywhere in the ticker", async () => {
    const { res, html } = await page("/");
    expect(res.status).toBe(200);
    expect(html.startsWith("<!doctype html><html lang=\"ru\">")).toBe(true);
    const fx = ticker(html);
    expect(fx).toContain("на 30 ноября 2026 г.");
    for (const [code, value, move] of [["USD", "521,30", "вырос на 1,74"], ["EUR", "600,12", "снизился на 0,58"], ["RUB", "6,50", "снизился на 0,02"], ["CNY", "72,18", "без изменений"]]) {
      expect(fx).toMatch(new RegExp(`data-code="${code}">.*?${value}.*?${move}`));
    }
    expect(fx).toContain("▲ 1,74");
    expect(fx).not.toMatch(/>0[.,]0</);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'sha256-");
    expect(res.headers.get("vary")).toBe("Accept-Language");
  });

  it("lists whole titles with language, source and Almaty time; a long summary ends at a word with …", async () => {
    const { html } = await page("/");
    expect(html).toContain(`<article lang="kk"><h3><a href="https://news.example.kz/base-kk">WSJ: АҚШ Орталық Азиядағы ресейлік әскери базаларды пайдалануды талқылаған</a>`);
    expect(html).toContain(`>${LONG_TITLE}</a>`);
    // 2026-11-29T23:50Z is 04:50 on 30 November in Almaty (UTC+5).
    expect(html).toMatch(/<span class="source">tengrinews-ru<\/span><time datetime="2026-11-29T23:50:00.000Z">30 нояб\., 04:50<\/time>/);
    const summary = /<p class="summary">([^<]*)<\/p>/.exec(html)?.[1] ?? "";
    expect(summary.endsWith("…")).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(241);
    const shown = summary.slice(0, -1);
    expect(LONG_SUMMARY.startsWith(shown)).toBe(true);
    expect(LONG_SUMMARY[shown.length]).toBe(" "); // cut between words, never inside one
  });

  it("escapes titles and summaries: < & \" arrive as text, never as markup", async () => {
    const { html } = await page("/");
    expect(html).toContain("Цена &lt;b&gt;нефти&lt;/b&gt; &amp; &quot;газа&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain(NASTY_TITLE);
    expect(html).not.toContain("<b>нефти");
    expect(html).toContain("A &amp; B &lt;i&gt;");
    expect(html.match(/<script/g)).toHaveLength(2); // the strings block and the page script, nothing else
  });

  it("searches with the alerts' query language through a plain GET form", async () => {
    const { res, html } = await page(`/?q=${encodeURIComponent("военная база")}`);
    expect(res.status).toBe(200);
    expect(html).toContain("Найдено по запросу «военная база»");
    expect(html).toContain('value="военная база"');
    expect(html).toContain("WSJ узнала о планах США использовать российские военные базы в Азии");
    expect(html).not.toContain("На базаре в Алматы"); // whole words: база never matches базар
  });

  it("filters by source and language, keeping the choices selected", async () => {
    const { html } = await page("/?source=kursiv-ru&lang=ru&ui=en");
    expect(html).toContain("На базаре в Алматы");
    expect(html).not.toContain("WSJ узнала");
    expect(html).toContain('<option value="kursiv-ru" selected="">kursiv-ru</option>');
    expect(html).toContain('<option value="ru" selected="">Русский</option>');
  });

  it.each([
    ['"военная база', "a quote"],
    ["-база", "exclusion"],
  ])("an invalid query %s is a 400 page that quotes the API's own message", async (q) => {
    const api = await f.app().request(`/headlines?q=${encodeURIComponent(q)}`);
    const problem = (await api.json()) as { invalidParams: { name: string; reason: string }[] };
    const { res, html } = await page(`/?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    const alert = /<div class="notice error" role="alert" id="news-error">(.*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(alert).toContain("Запрос не удалось разобрать:");
    const reason = problem.invalidParams.find((p) => p.name === "q")?.reason ?? "missing";
    expect(alert).toContain(reason.replace(/"/g, "&quot;"));
    expect(html).toContain(`value="${q.replace(/"/g, "&quot;")}"`); // the box keeps what was typed
  });

  it("an unknown source is a 400 page naming the problem", async () => {
    const { res, html } = await page("/?source=nope");
    expect(res.status).toBe(400);
    expect(html).toContain('unknown source &quot;nope&quot;');
  });
});

describe("FX states the seed page got wrong", () => {
  it("old rates are marked stale with their date", async () => {
    const { html } = await page("/", undefined, f.app({ now: new Date("2026-12-10T06:00:00Z") }));
    const fx = ticker(html);
    expect(fx).toContain('data-stale="true"');
    expect(fx).toContain("Курсы устарели: последние опубликованы на 30 ноября 2026 г.");
    expect(fx).toContain("521,30");
  });

  it("a missing rate is a dash with a reason; no rates at all is said in words, never 0", async () => {
    const partial = await startPageFixture([rate("USD", 521.3, "2026-11-30", 1.74)]);
    const empty = await startPageFixture([]);
    try {
      const one = ticker((await page("/?ui=en", undefined, partial.app())).html);
      expect(one).toMatch(/data-code="EUR"><span class="pair">EUR\/KZT<\/span><span class="value" title="The National Bank has not published this rate, or it is still being checked" aria-hidden="true">—<\/span><span class="why">no rate<\/span>/);
      expect(one).toContain("521.30");
      const none = ticker((await page("/?ui=en", undefined, empty.app())).html);
      expect(none.match(/>—</g)).toHaveLength(4);
      expect(none).toContain("The National Bank has not been polled yet");
      expect(none).not.toMatch(/>0[.,]0/);
    } finally {
      await Promise.all([partial.close(), empty.close()]);
    }
  });
});

describe("interface language", () => {
  it.each([
    [undefined, undefined, "ru"],
    [undefined, "kk-KZ,kk;q=0.9,ru;q=0.8", "kk"],
    [undefined, "en-US,en;q=0.9", "en"],
    [undefined, "de-DE,fr;q=0.5", "ru"],
    [undefined, "ru;q=0.5, en;q=0.8", "en"],
    [undefined, "en;q=0, kk", "kk"],
    [undefined, "*", "ru"],
    ["en", "kk", "en"],
    ["xx", "kk", "kk"],
  ])("?ui=%s with Accept-Language %s is %s", async (ui, accept, expected) => {
    expect(negotiateUiLang(ui, accept)).toBe(expected);
    const { html } = await page(ui ? `/?ui=${ui}` : "/", accept ? { headers: { "accept-language": accept } } : undefined);
    expect(html).toContain(`<html lang="${expected}">`);
    expect(html).toContain({ ru: "Последние новости", kk: "Соңғы жаңалықтар", en: "Latest headlines" }[expected]);
  });

  it("language links keep the search", async () => {
    const { html } = await page("/?q=база&ui=kk");
    expect(html).toContain('href="/?ui=en&amp;q=%D0%B1%D0%B0%D0%B7%D0%B0" hreflang="en" lang="en">English</a>');
    expect(html).toMatch(/hreflang="kk" lang="kk" aria-current="page"/);
  });
});

describe("shortenAtWord", () => {
  it.each([
    ["short text", 20, "short text"],
    ["one two three four", 12, "one two…"],
    ["one, two three", 8, "one…"],
    ["  spaced   out   words  ", 12, "spaced out…"],
    ["Супердлинноеслово и ещё", 5, "Супердлинноеслово…"],
    ["единственное", 5, "единственное"],
  ])("%j at %i is %j", (text, max, expected) => {
    expect(shortenAtWord(text, max)).toBe(expected);
  });
});

export { NOW };
