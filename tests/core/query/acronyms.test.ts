import { describe, expect, it } from "vitest";
import { loadStemmers, matchesQuery, parseQuery, prepareDocument, stemToken, tokenize } from "../../../functions/core/query/index.js";

// The stemmers load on demand in production (loadStemmers); these checks stem synchronously.
await loadStemmers();

const matches = (query: string, title: string, lang?: string): boolean =>
  matchesQuery(parseQuery(query), prepareDocument({ title, lang }));

describe("short words and acronyms stay whole words", () => {
  it.each([
    // "ИИ" (artificial intelligence) used to stem to "и" ("and"), so it matched nearly every headline.
    ["ИИ", "Сенат и парламент обсудили бюджет", "ru", false],
    ["ИИ", "Сенат и парламент обсудили бюджет", "kk", false],
    ["ИИ", "Новый закон об ИИ принят", "ru", true],
    ["ИИ", "Новый закон об ИИ принят", "kk", true],
    ["ии", "Новый закон об ИИ принят", "ru", true],
    ["и", "ИИ заменит юристов", "ru", false],
    ["ИИ и право", "Право и ИИ: круглый стол", "ru", true],
    ["ИИ и право", "Право и мораль: круглый стол", "ru", false],
    ["США", "WSJ узнала о планах США", "ru", true],
    ["США", "Сша и Канада", "ru", true],
    ["ЕАЭС", "Саммит ЕАЭС пройдёт в Минске", "ru", true],
    ["ЕАЭС", "ЕАЭС саммиті Минскіде өтеді", "kk", true],
    ["ВТО", "Казахстан в ВТО", "ru", true],
    ["ВТО", "Вторник: заседание", "ru", false],
    ["NATO", "NATO summit in Vilnius", "en", true],
    ["НАТО", "Саммит НАТО в Вильнюсе", "ru", true],
    ["НАТО", "Наталья Иванова стала министром", "ru", false],
    // Short words still meet their own inflections: the length guard only stops collapsing to one letter.
    ["бой", "В боях погибли трое", "ru", true],
    ["май", "Парад 9 мая отменили", "ru", true],
  ])("%s vs %j (%s) -> %s", (query, title, lang, expected) => {
    expect(matches(query, title, lang)).toBe(expected);
  });

  it.each([
    ["ии", "ru"],
    ["ии", "kk"],
    ["ее", "ru"],
    ["сша", "ru"],
    ["еаэс", "ru"],
    ["вто", "kk"],
  ] as const)("%s (%s) is never cut below two letters", (word, lang) => {
    const stem = stemToken(word, lang);
    expect(stem.length).toBeGreaterThanOrEqual(2);
    expect(stem).not.toBe(stemToken("и", lang));
  });

  it("queries and documents share one stemming function, so a match works both ways", () => {
    for (const [a, b] of [["ИИ", "ии"], ["США", "сша"], ["НАТО", "нато"]] as const) {
      const [ta = "", tb = ""] = [tokenize(a)[0], tokenize(b)[0]];
      expect(stemToken(ta, "ru")).toBe(stemToken(tb, "ru"));
      expect(matches(a, `Новости: ${b}`, "ru")).toBe(matches(b, `Новости: ${a}`, "ru"));
    }
  });
});
