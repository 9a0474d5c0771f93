import { describe, expect, it } from "vitest";
import { composeFloodSummary, composeFxAlert, composeHeadlineAlert, smsLength } from "../../../functions/core/alerts/index.js";

const base = {
  title: "WSJ узнала о планах США использовать российские военные базы в Азии",
  source: "tengrinews-ru",
  link: "https://tengrinews.kz/world_news/wsj-bazy-123/",
  summary: "В Таджикистане расположена 201-я российская военная база, в Кыргызстане — авиабаза «Кант».",
  publishedAt: "2026-11-30T10:04:00.000Z",
  lang: "ru",
  shortUrl: "http://127.0.0.1:3000/h/Ab3_x9Qz",
  watching: "Военные базы",
  timezone: "Asia/Almaty",
};

describe("composeHeadlineAlert", () => {
  it("gives email the title, source, Almaty time, link and summary, and an unsubscribe hint", () => {
    const m = composeHeadlineAlert(base);
    expect(m.subject).toBe(`dabyl: ${base.title}`);
    expect(m.email.split("\n")[0]).toBe(base.title);
    expect(m.email).toContain("Источник: tengrinews-ru");
    // 10:04 UTC is 15:04 in Almaty (UTC+5 all year).
    expect(m.email).toContain("Время: 30.11.2026 15:04 (Алматы)");
    expect(m.email).toContain(`Ссылка: ${base.link}`);
    expect(m.email).toContain(base.summary);
    expect(m.email).toContain("Оповещение dabyl по запросу: Военные базы");
    expect(m.email).toMatch(/Отписаться/);
  });

  it("gives SMS the title, the short link and a stop hint in at most two UCS-2 segments", () => {
    const m = composeHeadlineAlert({ ...base, title: base.title + ": " + base.summary });
    expect(smsLength(m.sms)).toMatchObject({ encoding: "ucs2" });
    expect(smsLength(m.sms).segments).toBeLessThanOrEqual(2);
    expect(m.sms.startsWith("dabyl: WSJ узнала")).toBe(true);
    expect(m.sms).toContain(" http://127.0.0.1:3000/h/Ab3_x9Qz STOP - отписка");
    expect(m.sms).not.toContain(base.link);
  });

  it("keeps subjects SNS accepts: one line, under 100 characters", () => {
    const m = composeHeadlineAlert({ ...base, title: "Очень\nдлинный\tзаголовок ".repeat(20) });
    expect(m.subject.length).toBeLessThan(100);
    expect(m.subject).not.toMatch(/[\n\r\t]/);
    expect(m.subject.endsWith("…")).toBe(true);
  });

  it.each([
    ["en", "Source: ", "Time: 30.11.2026 15:04 (Almaty)", "gsm7"],
    ["kk", "Дереккөз: ", "Уақыты: 30.11.2026 15:04 (Алматы)", "ucs2"],
  ])("words the message in the headline's language (%s)", (lang, source, time, encoding) => {
    const title = lang === "en" ? "Tokayev to visit Davos" : "Тоқаев Давосқа барады";
    const m = composeHeadlineAlert({ ...base, lang, title, summary: "" });
    expect(m.email).toContain(source);
    expect(m.email).toContain(time);
    expect(smsLength(m.sms).encoding).toBe(encoding);
  });

  it("does not repeat a summary that only repeats the title", () => {
    const m = composeHeadlineAlert({ ...base, summary: base.title });
    expect(m.email.split(base.title)).toHaveLength(2);
  });
});

describe("composeFloodSummary", () => {
  const input = {
    watching: "военная база",
    from: "2026-11-30T10:00:00.000Z",
    to: "2026-11-30T11:00:00.000Z",
    searchUrl: "http://127.0.0.1:3000/headlines?q=%D0%B2",
    shortSearchUrl: "http://127.0.0.1:3000/h/Zz9_x9Qz",
    limit: 10,
    lang: "ru" as const,
    timezone: "Asia/Almaty",
  };
  it.each([
    [1, "ещё 1 новость"],
    [3, "ещё 3 новости"],
    [5, "ещё 5 новостей"],
    [11, "ещё 11 новостей"],
    [22, "ещё 22 новости"],
  ])("says 'and N more' in Russian for %i", (count, words) => {
    const m = composeFloodSummary({ ...input, count });
    expect(m.subject).toBe(`dabyl: ${words} по «военная база»`);
    expect(m.email).toContain("С 15:00 до 16:00 (Алматы)");
    expect(m.email).toContain(input.searchUrl);
    expect(m.sms).toContain(input.shortSearchUrl);
    expect(smsLength(m.sms).segments).toBeLessThanOrEqual(2);
  });
});

describe("composeFxAlert", () => {
  it("carries the FX sentence in every channel", () => {
    const text = "USD/KZT rose above 520: 521.30 on 2026-11-30 (was 518.90)";
    const m = composeFxAlert({ text, watching: "USD/KZT above 520" });
    expect(m.subject).toBe(`dabyl: ${text}`);
    expect(m.email.startsWith(text)).toBe(true);
    expect(m.sms).toBe(`dabyl: ${text} Reply STOP to opt out`);
    expect(smsLength(m.sms)).toMatchObject({ encoding: "gsm7", segments: 1 });
  });
});

describe("wording follows the subscriber's language, not the headline's", () => {
  it.each([
    ["en", "Source: tengrinews-ru", "dabyl alert for: Военные базы", "Reply STOP to opt out"],
    ["kk", "Дереккөз: tengrinews-ru", "dabyl хабарламасы, сұраныс: Военные базы", "STOP - бас тарту"],
    ["ru", "Источник: tengrinews-ru", "Оповещение dabyl по запросу: Военные базы", "STOP - отписка"],
  ] as const)("%s", (messageLang, source, watching, stop) => {
    const m = composeHeadlineAlert({ ...base, messageLang });
    expect(m.email).toContain(source);
    expect(m.email).toContain(watching);
    expect(m.sms.endsWith(stop)).toBe(true);
    // The title stays as published.
    expect(m.email.split("\n")[0]).toBe(base.title);
  });

  it("keeps an English subscriber's Latin-only SMS in GSM-7 even when the headline is tagged Russian", () => {
    const m = composeHeadlineAlert({ ...base, lang: "ru", title: "Kazakhstan raises the base rate to 16.5%", messageLang: "en" });
    expect(smsLength(m.sms)).toMatchObject({ encoding: "gsm7", segments: 1 });
  });

  it("says how to unsubscribe in every email, with a link under the public URL and no placeholder", () => {
    for (const messageLang of ["ru", "kk", "en"] as const) {
      const m = composeHeadlineAlert({ ...base, messageLang });
      expect(m.email).toContain("http://127.0.0.1:3000/unsubscribe");
      expect(m.email).not.toMatch(/\{id\}|DELETE \/alerts/);
    }
    const s = composeFloodSummary({
      count: 2, watching: "база", from: "2026-11-30T10:00:00.000Z", to: "2026-11-30T11:00:00.000Z",
      searchUrl: "https://api.dabyl.kz/headlines?q=x", shortSearchUrl: "https://api.dabyl.kz/h/Zz9_x9Qz", limit: 10, lang: "en", timezone: "Asia/Almaty",
    });
    expect(s.email).toContain("https://api.dabyl.kz/unsubscribe");
    expect(s.email).not.toContain("{id}");
  });

  it("words FX alerts in the subscriber's language too", () => {
    const m = composeFxAlert({ text: "USD/KZT rose above 520: 521.30 on 2026-11-30 (was 518.90)", watching: "USD/KZT above 520", lang: "ru", publicUrl: "https://api.dabyl.kz" });
    expect(m.email).toContain("Официальный курс Национального банка Казахстана.");
    expect(m.email).toContain("https://api.dabyl.kz/unsubscribe");
    expect(m.sms.endsWith("STOP - отписка")).toBe(true);
  });
});
