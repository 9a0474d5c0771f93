import { describe, expect, it } from "vitest";
import { guessLanguage, loadLanguageGuesser } from "../../../functions/core/feeds/guess-language.js";
import type { ParsedFeed } from "../../../functions/core/feeds/headline.js";
import { mayGuessLanguage } from "../../../functions/core/feeds/normalize-item.js";
import { NotLoadedError } from "../../../functions/core/not-loaded-error.js";

// Runs in its own process (vitest forks per file); tests run in order, so the first sees franc-min unloaded.
describe("guessLanguage loads franc-min only for text with Kazakh letters", () => {
  it.each([
    ["Tokayev to make a working trip to Davos", "en"],
    ["Минздрав возобновляет плановые проверки", "ru"],
    ["2026", undefined],
  ])("%s -> %s without loading it", (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it("asks for loadLanguageGuesser() before franc is needed, then tells Kazakh from Russian", async () => {
    const kazakh = "Тоқаев Израиль Президентіне жеделхат жолдады, бұл туралы Ақорда хабарлады";
    expect(() => guessLanguage(kazakh)).toThrow(NotLoadedError);
    await loadLanguageGuesser();
    expect(guessLanguage(kazakh)).toBe("kk");
    expect(guessLanguage("Встреча с Қасым-Жомарт Тоқаевым прошла в Астане в понедельник")).toBe("ru");
  });
});

describe("mayGuessLanguage: whether a feed can reach guessLanguage at all", () => {
  const feed = (lang: string | undefined, itemLangs: (string | undefined)[]): ParsedFeed => ({
    ...(lang ? { lang } : {}),
    items: itemLangs.map((l) => ({ title: "t", link: "https://example.kz/", ...(l ? { lang: l } : {}) })),
  });
  it.each([
    ["the source says", feed(undefined, [undefined]), "kk", false],
    ["the feed says", feed("ru-RU", [undefined]), undefined, false],
    ["every item says", feed(undefined, ["kk", "ru"]), undefined, false],
    ["one item is silent", feed(undefined, ["kk", undefined]), undefined, true],
    ["a feed tag that is no language", feed("Russian", [undefined]), undefined, true],
    ["an empty feed", feed(undefined, []), undefined, false],
  ])("%s -> %s", (_why, parsed, sourceLang, expected) => {
    expect(mayGuessLanguage(parsed, sourceLang)).toBe(expected);
  });
});
