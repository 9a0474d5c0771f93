import { describe, expect, it } from "vitest";
import { alertTopicKey, floodWindow, isAlertable, snsTopicName } from "../../../functions/core/alerts/index.js";
import { bearerToken, hashManageToken, manageTokenMatches } from "../../../functions/core/alerts/index.js";
import { normalizeQuery, parseQuery } from "../../../functions/core/query/index.js";

const key = (q: string) => alertTopicKey("query", normalizeQuery(parseQuery(q)));

describe("alert topics", () => {
  it("gives one topic to the same query typed differently", () => {
    expect(key("Военная база")).toBe(key("база   военная"));
    expect(key("«военная БАЗА»")).toBe(key('"Военная база"'));
    expect(key("авиабаза OR база")).toBe(key("база OR авиабаза"));
    expect(key('"военная база"')).not.toBe(key("военная база"));
  });

  it("gives each wording language its own topic; Russian keeps the key topics had before languages", () => {
    const canonical = normalizeQuery(parseQuery("база"));
    const keys = new Set(["ru", "kk", "en"].map((l) => alertTopicKey("query", canonical, l as "ru" | "kk" | "en")));
    expect(keys.size).toBe(3);
    expect(alertTopicKey("query", canonical, "ru")).toBe(alertTopicKey("query", canonical));
  });

  it("keeps a query and an FX condition with the same text apart", () => {
    expect(alertTopicKey("query", "usd")).not.toBe(alertTopicKey("fx", "usd"));
  });

  it("names SNS topics dabyl-<stage>-<hash>, within SNS's alphabet", () => {
    expect(snsTopicName("prod", key("база"))).toMatch(/^dabyl-prod-[0-9a-f]{20}$/);
    expect(snsTopicName("pr/42 x", "abc")).toBe("dabyl-pr-42-x-abc");
  });
});

describe("flood control", () => {
  it("windows are clock hours", () => {
    expect(floodWindow(new Date("2026-11-30T10:59:59.999Z"))).toEqual({ start: "2026-11-30T10:00:00.000Z", end: "2026-11-30T11:00:00.000Z" });
    expect(floodWindow(new Date("2026-11-30T11:00:00.000Z")).start).toBe("2026-11-30T11:00:00.000Z");
  });

  it.each([
    ["fresh headline, stored after the first subscriber", "2026-11-30T09:00:00Z", "2026-11-30T08:00:00Z", true],
    ["stored before the topic had subscribers (backlog)", "2026-11-30T09:00:00Z", "2026-11-30T10:30:00Z", false],
    ["published two days ago (a new source's archive)", "2026-11-28T09:00:00Z", "2026-11-01T00:00:00Z", false],
    ["unreadable date", "not a date", "2026-11-01T00:00:00Z", false],
  ])("isAlertable: %s", (_name, publishedAt, activeSince, expected) => {
    expect(isAlertable({ publishedAt }, new Date("2026-11-30T10:00:00Z"), activeSince, 24)).toBe(expected);
  });
});

describe("manage tokens", () => {
  it("matches only the token whose hash is stored", () => {
    const hash = hashManageToken("token-aaaaaaaaaaaaaaaaaaaa");
    expect(manageTokenMatches("token-aaaaaaaaaaaaaaaaaaaa", hash)).toBe(true);
    expect(manageTokenMatches("token-aaaaaaaaaaaaaaaaaaab", hash)).toBe(false);
    expect(manageTokenMatches("token-aaaaaaaaaaaaaaaaaaaa", "short")).toBe(false);
  });

  it.each([
    ["Bearer abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz"],
    ["bearer abcdefghijklmnopqrstuvwxyz ", "abcdefghijklmnopqrstuvwxyz"],
    ["Basic abcdefghijklmnopqrstuvwxyz", undefined],
    ["Bearer short", undefined],
    ["Bearer abc def ghi jkl mno pqr", undefined],
    [undefined, undefined],
  ])("bearerToken(%s)", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
