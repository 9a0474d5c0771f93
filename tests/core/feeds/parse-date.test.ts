import { describe, expect, it } from "vitest";
import { parseFeedDate } from "../../../functions/core/feeds/parse-date.js";

describe("parseFeedDate", () => {
  it.each([
    ["RFC 822 with offset", "Mon, 30 Nov 2026 10:00:00 +0500", "Asia/Almaty", "2026-11-30T05:00:00.000Z"],
    ["RFC 822 GMT", "Mon, 30 Nov 2026 10:00:00 GMT", "Asia/Almaty", "2026-11-30T10:00:00.000Z"],
    ["RFC 822 without zone, Almaty", "Mon, 30 Nov 2026 10:00:00", "Asia/Almaty", "2026-11-30T05:00:00.000Z"],
    ["RFC 822 without zone, Moscow source", "Mon, 30 Nov 2026 10:00:00", "Europe/Moscow", "2026-11-30T07:00:00.000Z"],
    ["RFC 822 with an unknown zone name", "Mon, 30 Nov 2026 10:00:00 ALMT", "Asia/Almaty", "2026-11-30T05:00:00.000Z"],
    ["RFC 3339 Z", "2026-11-30T10:00:00Z", "Asia/Almaty", "2026-11-30T10:00:00.000Z"],
    ["RFC 3339 offset", "2026-11-30T10:00:00+05:00", "Asia/Almaty", "2026-11-30T05:00:00.000Z"],
    ["RFC 3339 fraction", "2026-11-30T10:00:00.123+06:00", "Asia/Almaty", "2026-11-30T04:00:00.123Z"],
    ["ISO without zone", "2026-11-30T10:00:00", "Asia/Almaty", "2026-11-30T05:00:00.000Z"],
    ["ISO date only", "2026-11-30", "Asia/Almaty", "2026-11-29T19:00:00.000Z"],
    ["ISO with space", "2026-11-30 10:00", "Asia/Almaty", "2026-11-30T05:00:00.000Z"],
    ["dd.mm.yyyy hh:mm", "30.11.2026 10:00", "Asia/Almaty", "2026-11-30T05:00:00.000Z"],
    ["dd.mm.yyyy", "01.12.2026", "Asia/Almaty", "2026-11-30T19:00:00.000Z"],
    ["Almaty before March 2024 was UTC+6", "2024-01-15T10:00:00", "Asia/Almaty", "2024-01-15T04:00:00.000Z"],
  ])("%s: %s in %s", (_name, text, zone, iso) => {
    expect(parseFeedDate(text, zone)?.toISOString()).toBe(iso);
  });

  it.each([[""], ["вчера"], ["not a date"], [undefined]])("gives undefined for %j", (text) => {
    expect(parseFeedDate(text, "Asia/Almaty")).toBeUndefined();
  });
});
