import { describe, expect, it } from "vitest";
import { canonicalLink, headlineId } from "../../../functions/core/feeds/identity.js";

describe("canonicalLink", () => {
  it.each([
    ["https://tengrinews.kz/news/1?utm_source=rss&utm_medium=feed", "https://tengrinews.kz/news/1"],
    ["https://tengrinews.kz/news/1?id=5&fbclid=x&gclid=y&yclid=z&_openstat=q", "https://tengrinews.kz/news/1?id=5"],
    ["https://Kursiv.Media/a?b=2&a=1#comments", "https://kursiv.media/a?a=1&b=2"],
    ["https://kz.kursiv.media/x?ysclid=abc123", "https://kz.kursiv.media/x"],
    ["https://example.kz/?page=2", "https://example.kz/?page=2"],
  ])("%s -> %s", (link, canonical) => {
    expect(canonicalLink(link)).toBe(canonical);
  });
});

describe("headlineId", () => {
  it("is the same for a link with and without tracking when there is no guid", () => {
    expect(headlineId("s", undefined, "https://e.kz/a?utm_source=tg")).toBe(headlineId("s", undefined, "https://e.kz/a"));
  });
  it("prefers the guid, and differs between sources", () => {
    expect(headlineId("s", "g1", "https://e.kz/a")).toBe(headlineId("s", "g1", "https://e.kz/b"));
    expect(headlineId("s", "g1", "https://e.kz/a")).not.toBe(headlineId("t", "g1", "https://e.kz/a"));
  });
});
