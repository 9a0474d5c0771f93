import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../functions/core/errors.js";
import { almatyDate, fromNbkDate } from "../../../functions/core/fx/calendar-date.js";
import { crossHistory, fillHistory } from "../../../functions/core/fx/fill-history.js";
import { isStale } from "../../../functions/core/fx/is-stale.js";
import { parseDateRange } from "../../../functions/core/fx/parse-date-range.js";

describe("isStale", () => {
  it.each([
    // asOf, now (UTC), options, stale
    ["2026-11-27", "2026-11-27T10:00:00Z", {}, false],
    ["2026-11-27", "2026-11-30T10:00:00Z", {}, false], // Friday's rate on Monday
    ["2026-11-27", "2026-12-01T10:00:00Z", {}, false], // 4 days: weekend + a holiday
    ["2026-11-27", "2026-12-02T10:00:00Z", {}, true], // 5 days
    ["2026-11-27", "2026-12-01T19:30:00Z", {}, true], // 00:30 on 2 Dec in Almaty
    ["2026-11-28", "2026-11-27T15:00:00Z", {}, false], // tomorrow's rate published this evening
    ["2026-11-27", "2026-11-27T10:00:00Z", { lastFetchOk: false }, true],
    ["2026-11-27", "2026-11-27T10:00:00Z", { lastFetchOk: true }, false],
    ["2026-11-27", "2026-11-30T10:00:00Z", { maxAgeDays: 2 }, true],
    [undefined, "2026-11-27T10:00:00Z", {}, true],
  ])("asOf %s at %s %j -> %s", (asOf, now, opts, stale) => {
    expect(isStale(asOf, new Date(now), opts)).toBe(stale);
  });
});

describe("calendar dates", () => {
  it.each([
    ["2026-11-29T18:59:59Z", "2026-11-29"],
    ["2026-11-29T19:00:00Z", "2026-11-30"],
  ])("almatyDate(%s) = %s", (now, date) => expect(almatyDate(new Date(now))).toBe(date));

  it.each([
    ["30.11.2026", "2026-11-30"],
    ["1.3.2024", "2024-03-01"],
    ["31.02.2026", undefined],
    ["2026-11-30", undefined],
    ["", undefined],
  ])("fromNbkDate(%j) = %s", (text, date) => expect(fromNbkDate(text)).toBe(date));
});

describe("parseDateRange", () => {
  const today = "2026-11-30";
  it.each([
    [undefined, undefined, { from: "2026-11-01", to: "2026-11-30" }],
    ["2026-11-20", undefined, { from: "2026-11-20", to: "2026-11-30" }],
    ["2026-11-20", "2026-11-25", { from: "2026-11-20", to: "2026-11-25" }],
    ["2026-11-30", "2026-11-30", { from: "2026-11-30", to: "2026-11-30" }],
    ["2025-11-30", "2026-11-30", { from: "2025-11-30", to: "2026-11-30" }], // 366 days
  ])("from=%s to=%s", (from, to, range) => {
    expect(parseDateRange(from, to, today)).toEqual(range);
  });

  it.each([
    ["2025-11-29", "2026-11-30", "from", /367 days; at most 366/],
    ["2026-11-25", "2026-11-20", "from", /after to/],
    ["2026-02-30", undefined, "from", /real date/],
    ["30.11.2026", undefined, "from", /YYYY-MM-DD/],
    [undefined, "yesterday", "to", /real date/],
    [undefined, "2026-12-01", "to", /in the future/],
    ["2026-12-05", undefined, "from", /in the future/],
  ])("from=%s to=%s is rejected naming %s", (from, to, field, message) => {
    let caught: unknown;
    try {
      parseDateRange(from, to, today);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).field).toBe(field);
    expect((caught as ValidationError).message).toMatch(message);
  });
});

describe("fillHistory", () => {
  // Fri 27 Nov 2026 and Mon 30 Nov 2026 published; the weekend was not.
  const published = [
    { date: "2026-11-30", rate: 521.3 },
    { date: "2026-11-26", rate: 517.0 },
    { date: "2026-11-27", rate: 518.9 },
  ];

  it("carries Friday's rate over the weekend and says so", () => {
    expect(fillHistory(published, "2026-11-27", "2026-12-01")).toEqual([
      { date: "2026-11-27", rate: 518.9, carried: false },
      { date: "2026-11-28", rate: 518.9, carried: true },
      { date: "2026-11-29", rate: 518.9, carried: true },
      { date: "2026-11-30", rate: 521.3, carried: false },
      { date: "2026-12-01", rate: 521.3, carried: true },
    ]);
  });

  it.each([
    // from, to, dates returned, carried flags
    ["2026-11-28", "2026-11-29", ["2026-11-28", "2026-11-29"], [true, true]], // seeded by a point before from
    ["2026-11-24", "2026-11-26", ["2026-11-26"], [false]], // days before the first point omitted
    ["2026-11-30", "2026-11-30", ["2026-11-30"], [false]],
  ])("%s..%s", (from, to, dates, carried) => {
    const out = fillHistory(published, from, to);
    expect(out.map((p) => p.date)).toEqual(dates);
    expect(out.map((p) => p.carried)).toEqual(carried);
  });

  it("ignores points that are not positive rates", () => {
    const out = fillHistory([{ date: "2026-11-27", rate: 518.9 }, { date: "2026-11-28", rate: 0 }], "2026-11-27", "2026-11-28");
    expect(out[1]).toEqual({ date: "2026-11-28", rate: 518.9, carried: true });
  });

  it("a cross history is carried when either leg is", () => {
    const usd = fillHistory(published, "2026-11-27", "2026-11-30");
    const rub = fillHistory([{ date: "2026-11-27", rate: 6.5 }, { date: "2026-11-28", rate: 6.55 }], "2026-11-27", "2026-11-30");
    expect(crossHistory(usd, rub)).toEqual([
      { date: "2026-11-27", rate: 79.8308, carried: false },
      { date: "2026-11-28", rate: 79.2214, carried: true },
      { date: "2026-11-29", rate: 79.2214, carried: true },
      { date: "2026-11-30", rate: 79.5878, carried: true },
    ]);
  });
});
