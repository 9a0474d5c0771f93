import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { acceptRates, type RateState } from "../../../functions/core/fx/accept-rates.js";
import { parseNbkRss } from "../../../functions/core/fx/parse-nbk-rss.js";
import type { NbkRate, StoredRate } from "../../../functions/core/fx/types.js";

const usd = (rate: number, date = "2026-11-27"): NbkRate => ({
  code: "USD", rate, quoted: rate, quant: 1, change: null, direction: "flat", date,
});
const stateOf = (...rates: NbkRate[]): RateState => ({ latest: Object.fromEntries(rates.map((r) => [r.code, r])) });
const opts = { maxDailyMove: 0.2 };

describe("acceptRates", () => {
  it.each([
    // name, previous, fetched, expected latest USD, expected event kinds, suspect held?
    ["first rate ever", undefined, usd(519.56), 519.56, ["first_seen"], false],
    ["normal daily move", usd(518.9), usd(521.3, "2026-11-28"), 521.3, ["accepted"], false],
    ["exactly 20% is allowed", usd(500), usd(600, "2026-11-28"), 600, ["accepted"], false],
    ["25% jump is held", usd(520), usd(650, "2026-11-28"), 520, ["suspect_held"], true],
    ["25% drop is held", usd(520), usd(390, "2026-11-28"), 520, ["suspect_held"], true],
    ["same poll twice changes nothing", usd(519.56), usd(519.56), 519.56, [], false],
    ["older rate ignored", usd(519.56, "2026-11-28"), usd(500, "2026-11-27"), 519.56, ["older_ignored"], false],
    ["zero never replaces a good rate", usd(519.56), usd(0, "2026-11-28"), 519.56, ["invalid_ignored"], false],
    ["NaN never replaces a good rate", usd(519.56), usd(Number.NaN, "2026-11-28"), 519.56, ["invalid_ignored"], false],
  ])("%s", (_name, prev, fetched, latestRate, kinds, held) => {
    const out = acceptRates(prev ? stateOf(prev) : { latest: {} }, [fetched], opts);
    expect(out.latest.USD?.rate).toBe(latestRate);
    expect(out.events.map((e) => e.kind)).toEqual(kinds);
    expect(out.suspects.USD !== undefined).toBe(held);
  });

  it("a 25% jump is held, then confirmed by the next identical fetch", () => {
    const first = acceptRates(stateOf(usd(520)), [usd(650, "2026-11-28")], opts);
    expect(first.latest.USD?.rate).toBe(520);
    expect(first.changed).toEqual([]);
    expect(first.suspects.USD?.reason).toMatch(/USD moved \+25\.0% from 520 \(2026-11-27\) to 650 \(2026-11-28\)/);

    const second = acceptRates(first, [usd(650, "2026-11-28")], opts);
    expect(second.latest.USD?.rate).toBe(650);
    expect(second.changed.map((r) => r.rate)).toEqual([650]);
    expect(second.suspects).toEqual({});
    expect(second.events[0]).toMatchObject({ kind: "suspect_confirmed", previousRate: 520, rate: 650 });
  });

  it.each([
    // second fetch after a held 650, expected latest, kinds, still held
    ["within tolerance confirms", usd(650.3, "2026-11-28"), 650.3, ["suspect_confirmed"], false],
    ["back to normal drops the suspect", usd(521, "2026-11-28"), 521, ["suspect_dropped", "accepted"], false],
    ["a different far value is held instead", usd(700, "2026-11-29"), 520, ["suspect_held"], true],
  ])("after a held jump: %s", (_name, next, latestRate, kinds, held) => {
    const first = acceptRates(stateOf(usd(520)), [usd(650, "2026-11-28")], opts);
    const second = acceptRates(first, [next], opts);
    expect(second.latest.USD?.rate).toBe(latestRate);
    expect(second.events.map((e) => e.kind)).toEqual(kinds);
    expect(second.suspects.USD !== undefined).toBe(held);
  });

  it('a "0.0" USD in the feed leaves the previous good USD in place and updates the rest', () => {
    const fixture = (name: string) => readFileSync(new URL(`../../fixtures/nbk/${name}`, import.meta.url), "utf8");
    const good = parseNbkRss(fixture("rates-all-normal.xml"));
    const broken = parseNbkRss(fixture("rates-all-zero-rate.xml"));
    if (!good.ok || !broken.ok) throw new Error("fixtures should parse");
    const day1 = acceptRates({ latest: {} }, good.value.rates, { ...opts, source: "nbk-rates" });
    const nextDay = broken.value.rates.map((r) => ({ ...r, date: "2026-11-28", rate: r.rate * 1.001 }));
    const day2 = acceptRates(day1, nextDay, opts);
    expect(day2.latest.USD).toMatchObject({ rate: 519.56, date: "2026-11-27", source: "nbk-rates" });
    expect(day2.latest.EUR?.date).toBe("2026-11-28");
    expect(day2.changed.map((r) => r.code)).not.toContain("USD");
    expect(Object.keys(day2.latest)).toHaveLength(16);
  });

  it("accepts a Map as previous latest and keeps currencies the fetch did not mention", () => {
    const eur: StoredRate = { ...usd(600.12), code: "EUR" };
    const out = acceptRates({ latest: new Map([["EUR", eur]]) }, [usd(519.56)], opts);
    expect(Object.keys(out.latest).sort()).toEqual(["EUR", "USD"]);
  });
});
