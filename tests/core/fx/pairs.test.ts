import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../functions/core/errors.js";
import { crossRate, pairRate } from "../../../functions/core/fx/cross-rate.js";
import { parsePair } from "../../../functions/core/fx/parse-pair.js";

describe("parsePair", () => {
  it.each([
    ["USD-RUB", "USD", "RUB"],
    ["USD/KZT", "USD", "KZT"],
    ["usd-kzt", "USD", "KZT"],
    [" eur / kzt ", "EUR", "KZT"],
    ["USDRUB", "USD", "RUB"],
    ["cny", "CNY", "KZT"],
    ["KZT-USD", "KZT", "USD"],
  ])("%j -> %s/%s", (text, base, quote) => {
    expect(parsePair(text)).toEqual({ base, quote, pair: `${base}/${quote}` });
  });

  it.each([["US-RUB"], ["USD-RUBL"], ["USD-"], [""], ["USD-RUB-EUR"], ["USD-USD"], ["12$-KZT"], ["доллар"]])(
    "%j is rejected, naming the parameter",
    (text) => {
      expect(() => parsePair(text, "symbols")).toThrow(ValidationError);
      try {
        parsePair(text, "symbols");
      } catch (e) {
        expect((e as ValidationError).field).toBe("symbols");
      }
    },
  );
});

describe("crossRate", () => {
  it.each([
    ["USD/RUB", 519.56, 6.52, 79.6871],
    ["RUB/USD", 6.52, 519.56, 0.0125491],
    ["EUR/USD", 600.12, 519.56, 1.15505],
    ["USD/KZT keeps the published value", 519.56, 1, 519.56],
    ["KZT/USD", 1, 519.56, 0.00192471],
    ["UZS/KZT per unit", 0.041, 1, 0.041],
  ])("%s", (_name, base, quote, expected) => {
    expect(crossRate(base, quote)).toBe(expected);
  });

  it.each([[0, 6.52], [519.56, 0], [-1, 2], [Number.NaN, 1]])("refuses %s / %s", (a, b) => {
    expect(() => crossRate(a, b)).toThrow(/positive numbers/);
  });

  const latest = { USD: { rate: 519.56, date: "2026-11-30" }, RUB: { rate: 6.52, date: "2026-11-27" } };
  it.each([
    ["USD", "RUB", { rate: 79.6871, date: "2026-11-27" }],
    ["USD", "KZT", { rate: 519.56, date: "2026-11-30" }],
    ["KZT", "USD", { rate: 0.00192471, date: "2026-11-30" }],
    ["USD", "EUR", undefined],
  ])("pairRate %s/%s", (base, quote, expected) => {
    expect(pairRate(latest, base, quote)).toEqual(expected);
  });
});
