import { describe, expect, it } from "vitest";
import { decodeHtmlEntities } from "../../../functions/core/query/decode-html-entities.js";
import { tokenize } from "../../../functions/core/query/tokenize.js";

describe("tokenize", () => {
  it.each([
    ["case and ё", "ЁЛКА Ёж всё", ["елка", "еж", "все"]],
    ["guillemets and quotes", "«Военная база» „Газпром“ “Air base” \"USD\"", ["военная", "база", "газпром", "air", "base", "usd"]],
    ["punctuation", "Токаев: база, (авиа)база! — итог...", ["токаев", "база", "авиа", "база", "итог"]],
    ["hyphen and slash split words", "Нур-Султан USD/KZT", ["нур", "султан", "usd", "kzt"]],
    ["HTML entities", "&laquo;База&raquo; &quot;США&quot; &#1041;аза &#x411;аза", ["база", "сша", "база", "база"]],
    ["double-escaped entities", "&amp;laquo;Астана&amp;raquo;", ["астана"]],
    ["tags are dropped, comparisons kept", "<p>Курс <b>доллара</b></p> ставка < 10% и > 5%", ["курс", "доллара", "ставка", "10", "и", "5"]],
    ["soft hyphen and stress marks keep the word whole", "ба\u00adза ба́за", ["база", "база"]],
    ["Latin look-alikes inside a Cyrillic word", "Kaзахстан", ["казахстан"]],
    ["English apostrophe stays for the stemmer", "Kazakhstan’s bases", ["kazakhstan's", "bases"]],
    ["Kazakh letters stay", "Әскери базасы Қазақстанда", ["әскери", "базасы", "қазақстанда"]],
    ["digits are words", "В 2024 году G20", ["в", "2024", "году", "g20"]],
  ])("%s", (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe("decodeHtmlEntities", () => {
  it.each([
    ["&laquo;a&raquo;", "«a»"],
    ["&#1041;", "Б"],
    ["&#x411;", "Б"],
    ["&nbsp;&mdash;", " —"],
    ["&unknown; &constructor;", "&unknown; &constructor;"],
    ["&#0; &#xD800;", "   "],
    ["AT&T", "AT&T"],
  ])("%j -> %j", (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });
});
