import { describe, expect, it } from "vitest";
import { parseSources } from "../../functions/config/parse-sources.js";

const good = { id: "tengri", kind: "rss", url: "https://tengrinews.kz/news.rss" };

describe("parseSources", () => {
  it("accepts a valid list and keeps optional fields", () => {
    const out = parseSources(JSON.stringify([good, { id: "nbk", kind: "nbk-rates", url: "https://nationalbank.kz/rss/rates_all.xml", timezone: "Asia/Almaty" }, { ...good, id: "en-feed", lang: "en" }]));
    expect(out.map((s) => s.id)).toEqual(["tengri", "nbk", "en-feed"]);
    expect(out[1]?.timezone).toBe("Asia/Almaty");
    expect(out[2]?.lang).toBe("en");
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["an object instead of an array", JSON.stringify(good), /JSON array/],
    ["an empty list", "[]", /no sources/],
    ["a string entry", JSON.stringify([good, "x"]), /sources\[1\] must be an object/],
    ["a bad id", JSON.stringify([{ ...good, id: "Bad Id" }]), /sources\[0\]\.id/],
    ["a duplicate id", JSON.stringify([good, good]), /sources\[1\]\.id "tengri" is used twice/],
    ["an unknown kind", JSON.stringify([good, { ...good, id: "b", kind: "atom" }]), /sources\[1\]\.kind must be one of rss, nbk-rates/],
    ["a missing url", JSON.stringify([{ id: "a", kind: "rss" }]), /sources\[0\]\.url is missing/],
    ["a non-http url", JSON.stringify([{ ...good, url: "ftp://x.kz/feed" }]), /sources\[0\]\.url "ftp:\/\/x.kz\/feed" is not an http\(s\) URL/],
    ["a bad timezone", JSON.stringify([{ ...good, timezone: "Mars/Olympus" }]), /sources\[0\]\.timezone must be an IANA zone/],
    ["a bad lang", JSON.stringify([{ ...good, lang: "russian" }]), /sources\[0\]\.lang/],
    ["an unknown field", JSON.stringify([{ ...good, colour: "red" }]), /sources\[0\]\.colour is not a known field/],
  ])("refuses %s, naming the bad entry", (_name, text, message) => {
    expect(() => parseSources(text, "sources.json")).toThrow(message);
  });
});
