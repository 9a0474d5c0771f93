import { describe, expect, it } from "vitest";
import { loadStemmers, stemToken } from "../../../functions/core/query/stem-token.js";
import { stripKazakhSuffixes } from "../../../functions/core/query/strip-kazakh-suffixes.js";
import { tokenize } from "../../../functions/core/query/tokenize.js";

// The stemmers load on demand in production (loadStemmers); these checks stem synchronously.
await loadStemmers();

const stem = (word: string, lang?: "ru" | "kk" | "en"): string => {
  const [token] = tokenize(word);
  return stemToken(token ?? "", lang);
};

describe("every form of a word has one stem", () => {
  it.each([
    ["ru", "база", "базы базе базу базой баз базам базами базах"],
    ["ru", "военная", "военный военной военных военную военные военного военным"],
    ["ru", "Токаев", "Токаева Токаеву Токаевым Токаеве"],
    ["ru", "Казахстан", "Казахстана Казахстану Казахстаном Казахстане"],
    ["ru", "Киев", "Киева Киеву Киеве"],
    ["ru", "Иран", "Ирана Ирану Ираном Иране"],
    ["ru", "кредит", "кредита кредиты кредитов"],
    ["ru", "генерал", "генерала генералы генералов"],
    ["ru", "Назарбаев", "Назарбаева Назарбаеву"],
    ["ru", "ракета", "ракеты ракет ракетам ракетой"],
    ["ru", "удар", "удара ударов ударом"],
    ["ru", "авиабаза", "авиабазы авиабазе авиабазу"],
    ["ru", "ёлка", "елки Ёлке"],
    ["en", "base", "bases Base"],
    ["en", "minister", "ministers"],
    ["en", "Kazakhstan", "Kazakhstan's"],
    ["kk", "база", "базасы базалар базада базаның базасында базаларының базаға базадан базамен базаны базасын"],
    ["kk", "әскери", "Әскери"],
    ["kk", "Тоқаев", "Тоқаевтың Тоқаевқа Тоқаевпен Токаев"],
    ["kk", "Қазақстан", "Қазақстанда Қазақстанның Қазақстандағы Қазақстаннан"],
    ["kk", "жыл", "жылы"],
  ] as const)("%s %s ~ %s", (lang, base, forms) => {
    for (const form of forms.split(" ")) expect(stem(form, lang), form).toBe(stem(base, lang));
  });
});

describe("different words keep different stems", () => {
  it.each([
    ["ru", "база", "базар"],
    ["ru", "база", "базис"],
    ["ru", "база", "базальт"],
    ["ru", "база", "авиабаза"],
    ["ru", "Токаев", "ток"],
    ["ru", "военный", "во"],
    ["en", "base", "database"],
    ["en", "base", "basement"],
    ["kk", "база", "базар"],
  ] as const)("%s %s vs %s", (lang, a, b) => {
    expect(stem(a, lang)).not.toBe(stem(b, lang));
  });
});

describe("Kazakh text, Russian words", () => {
  it("a Russian word without Kazakh letters is not cut by Kazakh rules in a Russian text", () => {
    // -ны and -та are Kazakh case endings, but страны and работа are Russian words here.
    expect(stem("страны", "ru")).toBe(stem("страна", "ru"));
    expect(stem("работы", "ru")).toBe(stem("работа", "ru"));
  });
  it("a word with Kazakh letters is stemmed as Kazakh even in a Russian text", () => {
    expect(stem("Тоқаевтың", "ru")).toBe(stem("Токаев", "ru"));
  });
  it("numbers are kept as they are", () => {
    expect(stem("2024", "ru")).toBe("2024");
  });
});

describe("stripKazakhSuffixes", () => {
  it.each([
    ["базаларының", "база"],
    ["базасында", "база"],
    ["Қазақстандағы".toLowerCase(), "қазақс"],
    ["ел", "ел"],
    ["елде", "елде"],
    ["ана", "ана"],
  ])("%s -> %s", (word, expected) => {
    expect(stripKazakhSuffixes(word)).toBe(expected);
  });
});
