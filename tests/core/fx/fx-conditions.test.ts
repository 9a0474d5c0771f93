import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../functions/core/errors.js";
import { evaluateFxConditions } from "../../../functions/core/fx/evaluate-fx-conditions.js";
import { formatRate } from "../../../functions/core/fx/format-rate.js";
import { formatFxCondition, parseFxCondition } from "../../../functions/core/fx/parse-fx-condition.js";

describe("parseFxCondition", () => {
  it.each([
    ["USD/KZT above 520", { kind: "above", pair: "USD/KZT", threshold: 520 }],
    ["USD/KZT below 480", { kind: "below", pair: "USD/KZT", threshold: 480 }],
    ["usd-kzt over 519.5", { kind: "above", pair: "USD/KZT", threshold: 519.5 }],
    ["USD > 520", { kind: "above", pair: "USD/KZT", threshold: 520 }],
    ["USD/RUB above 6", { kind: "above", pair: "USD/RUB", threshold: 6 }],
    ["KWD/KZT above 1 700", { kind: "above", pair: "KWD/KZT", threshold: 1700 }],
    ["USD/KZT выше 520", { kind: "above", pair: "USD/KZT", threshold: 520 }],
    ["RUB/KZT ниже 6,2", { kind: "below", pair: "RUB/KZT", threshold: 6.2 }],
    ["EUR/KZT moves more than 1% in a day", { kind: "move", pair: "EUR/KZT", percent: 1 }],
    ["EUR/KZT moves more than 1.5%", { kind: "move", pair: "EUR/KZT", percent: 1.5 }],
    ["cny changes by more than 2 % daily", { kind: "move", pair: "CNY/KZT", percent: 2 }],
    ["EUR/KZT изменится более чем на 1% за день", { kind: "move", pair: "EUR/KZT", percent: 1 }],
  ])("%j", (text, expected) => {
    expect(parseFxCondition(text)).toMatchObject(expected);
  });

  it.each([
    ["USD/KZT above", /could not read/],
    ["USD/KZT around 520", /could not read/],
    ["USD/KZT above 0", /above zero/],
    ["USD/KZT above abc", /could not read/],
    ["EUR/KZT moves more than 0% in a day", /between 0 and 100/],
    ["EUR/KZT moves more than 150%", /between 0 and 100/],
    ["USD/USD above 1", /with itself/],
    ["", /could not read/],
  ])("%j is rejected", (text, message) => {
    let caught: unknown;
    try {
      parseFxCondition(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).field).toBe("condition");
    expect((caught as ValidationError).message).toMatch(message);
  });

  it.each([["USD/KZT выше 520", "USD/KZT above 520"], ["eur изменение больше 1%", "EUR/KZT moves more than 1% in a day"]])(
    "formats %j as %j",
    (text, canonical) => expect(formatFxCondition(parseFxCondition(text))).toBe(canonical),
  );
});

describe("evaluateFxConditions", () => {
  const conditions = [
    { id: "c-above", condition: parseFxCondition("USD/KZT above 520") },
    { id: "c-below", condition: parseFxCondition("USD/KZT below 480") },
    { id: "c-move", condition: parseFxCondition("EUR/KZT moves more than 1% in a day") },
    { id: "c-cross", condition: parseFxCondition("USD/RUB above 80") },
  ];
  const snap = (usd: number, eur: number, rub: number, date: string) => ({
    USD: { rate: usd, date }, EUR: { rate: eur, date }, RUB: { rate: rub, date },
  });
  const day0 = snap(518.9, 600.1, 6.52, "2026-11-27");
  const day1 = snap(521.3, 609.1, 6.5, "2026-11-30");
  const day2 = snap(522.0, 609.5, 6.5, "2026-12-01");

  it("fires on crossing with a text a person can read", () => {
    const events = evaluateFxConditions(conditions, day0, day1);
    expect(events.map((e) => e.text)).toEqual([
      "USD/KZT rose above 520: 521.30 on 2026-11-30 (was 518.90)",
      "EUR/KZT rose 1.50% since 2026-11-27: 609.10 on 2026-11-30 (was 600.10)",
      "USD/RUB rose above 80: 80.20 on 2026-11-30 (was 79.5859)",
    ]);
    expect(events[0]).toMatchObject({ conditionId: "c-above", pair: "USD/KZT", rate: 521.3, previousRate: 518.9, date: "2026-11-30" });
  });

  it.each([
    ["staying above does not fire again", day1, day2, []],
    ["the same poll twice fires nothing", day1, day1, []],
    ["falling back below a level fires nothing for 'above'", day1, day0, ["c-move"]],
    ["crossing below 480 fires 'below'", day0, snap(479, 600.1, 6.52, "2026-11-30"), ["c-below"]],
    ["no previous rate: a level that holds fires once", undefined, day1, ["c-above", "c-cross"]],
    ["a missing currency is skipped, not an error", day0, { USD: { rate: 521.3, date: "2026-11-30" } }, ["c-above"]],
  ])("%s", (_name, before, after, ids) => {
    expect(evaluateFxConditions(conditions, before, after).map((e) => e.conditionId)).toEqual(ids);
  });

  it("over a sequence of polls the above-520 alert fires exactly once per crossing", () => {
    const polls = [518.9, 521.3, 521.3, 523, 519, 520.5, 520.5].map((usd, i) => ({ USD: { rate: usd, date: `2026-12-0${i + 1}` } }));
    const fired = polls.slice(1).flatMap((after, i) =>
      evaluateFxConditions([conditions[0]!], polls[i], after).map((e) => e.date),
    );
    expect(fired).toEqual(["2026-12-02", "2026-12-06"]);
  });
});

describe("formatRate", () => {
  it.each([
    [521.3, "521.30"], [6.5, "6.50"], [79.6871, "79.6871"], [0.041, "0.041"], [1690.12, "1690.12"], [0.00192471, "0.00192471"],
  ])("%s -> %s", (rate, text) => expect(formatRate(rate)).toBe(text));
});
