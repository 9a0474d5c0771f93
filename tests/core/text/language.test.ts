import { describe, expect, it } from "vitest";
import { languageCode, matchLanguage } from "../../../functions/core/text/language-code.js";
import { FUNCTION_WORDS } from "../../../functions/core/text/function-words.js";
import { hasCyrillic, hasKazakhLetters } from "../../../functions/core/text/script.js";

describe("language tags, read one way for ingestion and for matching", () => {
  it.each([
    ["ru", "ru", "ru"],
    ["ru-RU", "ru", "ru"],
    ["RUS", "ru", "ru"],
    ["kk", "kk", "kk"],
    ["kk-KZ", "kk", "kk"],
    ["kk_KZ", "kk", "kk"],
    ["kaz", "kk", "kk"],
    ["kz", "kk", "kk"],
    ["en-US", "en", "en"],
    ["eng", "en", "en"],
    [" EN ", "en", "en"],
    ["de-DE", "de", undefined],
    ["Russian", undefined, undefined],
    ["", undefined, undefined],
    [undefined, undefined, undefined],
  ] as const)("%j -> code %s, matched as %s", (tag, code, matched) => {
    expect(languageCode(tag)).toBe(code);
    expect(matchLanguage(tag)).toBe(matched);
  });
});

describe("scripts", () => {
  it.each([
    ["Тоқаев", true, true],
    ["ТОҚАЕВ", true, true],
    ["Токаев", true, false],
    ["Tokayev", false, false],
    ["Іле", true, true],
  ])("%s: Cyrillic %s, Kazakh letters %s", (text, cyrillic, kazakh) => {
    expect(hasCyrillic(text)).toBe(cyrillic);
    expect(hasKazakhLetters(text)).toBe(kazakh);
  });
});

describe("function words", () => {
  it("each language lists a word once, and 'ии' (AI) is no function word", () => {
    for (const words of Object.values(FUNCTION_WORDS)) expect(new Set(words).size).toBe(words.length);
    expect(FUNCTION_WORDS.ru).toContain("и");
    expect(FUNCTION_WORDS.ru).not.toContain("ии");
  });
});
