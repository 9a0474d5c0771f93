import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNbkDaily } from "../../../functions/core/fx/parse-nbk-daily.js";
import { parseNbkRss } from "../../../functions/core/fx/parse-nbk-rss.js";
import type { NbkSnapshot } from "../../../functions/core/fx/types.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/nbk/${name}`, import.meta.url), "utf8");

function snapshot(result: ReturnType<typeof parseNbkRss>): NbkSnapshot {
  if (!result.ok) throw new Error(`expected rates, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
const parsers = { rss: parseNbkRss, daily: parseNbkDaily } as const;
const rateOf = (s: NbkSnapshot, code: string) => s.rates.find((r) => r.code === code);

describe("parseNbkRss / parseNbkDaily on well-formed documents", () => {
  it.each([
    ["rates-all-normal.xml", "rss", 16],
    ["rates-all-decimal-comma.xml", "rss", 16],
    ["daily-normal.xml", "daily", 16],
    ["daily-quant-not-one.xml", "daily", 6],
  ])("%s (%s) keeps every published currency", (file, format, count) => {
    const s = snapshot(parsers[format as keyof typeof parsers](fixture(file)));
    expect(s.rates).toHaveLength(count);
    expect(s.rejected).toEqual([]);
  });

  it.each([
    // file, parser, code, per-unit rate, quoted, quant, per-unit change, direction
    ["rates-all-normal.xml", "rss", "USD", 519.56, 519.56, 1, 1.24, "up"],
    ["rates-all-normal.xml", "rss", "EUR", 600.12, 600.12, 1, -0.58, "down"],
    ["rates-all-normal.xml", "rss", "RUB", 6.52, 6.52, 1, -0.03, "down"],
    ["rates-all-normal.xml", "rss", "CNY", 72.18, 72.18, 1, 0.11, "up"],
    ["rates-all-normal.xml", "rss", "UZS", 0.041, 4.1, 100, 0.0001, "up"],
    ["rates-all-normal.xml", "rss", "AMD", 1.344, 13.44, 10, 0.002, "up"],
    ["rates-all-normal.xml", "rss", "IRR", 0.01235, 12.35, 1000, null, "flat"],
    ["rates-all-normal.xml", "rss", "JPY", 3.35, 335, 100, 0.0064, "up"],
    ["rates-all-normal.xml", "rss", "KGS", 5.94, 5.94, 1, 0, "flat"],
    ["rates-all-normal.xml", "rss", "KWD", 1690.12, 1690.12, 1, 3.9, "up"],
    ["rates-all-decimal-comma.xml", "rss", "USD", 519.56, 519.56, 1, 1.24, "up"],
    ["rates-all-decimal-comma.xml", "rss", "UZS", 0.041, 4.1, 100, 0.0001, "up"],
    ["daily-quant-not-one.xml", "daily", "UZS", 0.041, 4.1, 100, 0.0001, "up"],
    ["daily-quant-not-one.xml", "daily", "KRW", 0.3562, 35.62, 100, -0.0012, "down"],
    ["daily-quant-not-one.xml", "daily", "IRR", 0.01235, 12.35, 1000, null, "flat"],
  ])("%s (%s): %s is %s KZT per unit", (file, format, code, rate, quoted, quant, change, direction) => {
    const r = rateOf(snapshot(parsers[format as keyof typeof parsers](fixture(file))), code);
    expect(r).toMatchObject({ code, rate, quoted, quant, change, direction });
  });

  it("daily format carries the Russian name and the document date on every rate", () => {
    const s = snapshot(parseNbkDaily(fixture("daily-quant-not-one.xml")));
    expect(s.date).toBe("2026-11-30");
    expect(rateOf(s, "USD")).toMatchObject({ name: "ДОЛЛАР США", date: "2026-11-30" });
    expect(s.rates.every((r) => r.date === "2026-11-30")).toBe(true);
  });

  it("RSS items with different pubDates keep their own dates; the snapshot date is the newest", () => {
    const s = snapshot(parseNbkRss(fixture("rates-all-mixed-pubdates.xml")));
    expect(s.date).toBe("2026-11-28");
    expect(rateOf(s, "KGS")?.date).toBe("2026-11-26");
    expect(rateOf(s, "USD")?.date).toBe("2026-11-27");
    expect(rateOf(s, "UZS")?.date).toBe("2026-11-28");
  });
});

describe("bad values are rejected with a reason, never returned as a rate", () => {
  it.each([
    ["rates-all-zero-rate.xml", "USD", /zero/],
    ["rates-all-empty-description.xml", "EUR", /rate is empty/],
    ["rates-all-empty-description.xml", "CNY", /rate is empty/],
    ["rates-all-bad-values.xml", "USD", /negative/],
    ["rates-all-bad-values.xml", "EUR", /"n\/a" is not a number/],
    ["rates-all-bad-values.xml", "RUB", /quant "0"/],
    ["rates-all-bad-values.xml", "CNY", /quant is missing/],
    ["rates-all-bad-values.xml", "KZ", /not a three-letter currency code/],
  ])("%s: %s", (file, code, reason) => {
    const s = snapshot(parseNbkRss(fixture(file)));
    expect(rateOf(s, code)).toBeUndefined();
    const rejected = s.rejected.find((r) => r.code === code);
    expect(rejected?.reason).toMatch(reason);
  });

  it("the zero-rate feed still serves every other currency", () => {
    const s = snapshot(parseNbkRss(fixture("rates-all-zero-rate.xml")));
    expect(s.rates.map((r) => r.code)).not.toContain("USD");
    expect(s.rates).toHaveLength(15);
  });

  it("a good rate next to bad ones survives", () => {
    const s = snapshot(parseNbkRss(fixture("rates-all-bad-values.xml")));
    expect(s.rates.map((r) => r.code)).toEqual(["GBP"]);
  });
});

describe("documents that yield no rates are error values naming the problem", () => {
  it.each([
    ["rates-all-malformed.xml", "rss", "malformed_xml", /malformed XML at line 75, column 30: .*closing/],
    ["daily-malformed.xml", "daily", "malformed_xml", /malformed XML at line \d+/],
    ["daily-doctype-entity.xml", "daily", "doctype_refused", /DOCTYPE/],
    ["rates-all-empty-channel.xml", "rss", "empty_feed", /no currencies/],
    ["rates-all-every-rate-zero.xml", "rss", "no_valid_rates", /all 4 NBK rates were rejected \(USD: rate is zero/],
    ["rates-all-html-maintenance.xml", "rss", "not_xml", /HTML page/],
    ["daily-no-date.xml", "daily", "bad_date", /no <date>/],
    ["daily-normal.xml", "rss", "not_nbk_rates", /no <rss><channel>/],
    ["rates-all-normal.xml", "daily", "not_nbk_rates", /no <rates> root/],
  ])("%s (%s) -> %s", (file, format, code, message) => {
    const result = parsers[format as keyof typeof parsers](fixture(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    }
  });

  it.each([[""], ["   \n"], ["not xml at all"]])("input %j is an error, not an exception", (text) => {
    expect(parseNbkRss(text).ok).toBe(false);
    expect(parseNbkDaily(text).ok).toBe(false);
  });

  it("refuses a billion-laughs document quickly and never expands it", () => {
    const start = performance.now();
    const result = parseNbkDaily(fixture("daily-doctype-entity.xml"));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(JSON.stringify(result)).not.toContain("lollol");
  });
});
