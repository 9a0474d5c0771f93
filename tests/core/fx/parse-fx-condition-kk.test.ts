import { describe, expect, it } from "vitest";
import { formatFxCondition, parseFxCondition } from "../../../functions/core/fx/parse-fx-condition.js";

describe("FX conditions written in Kazakh", () => {
  it.each([
    ["USD/KZT жоғары 520", "USD/KZT above 520"],
    ["USD/KZT төмен 480", "USD/KZT below 480"],
    ["USD/KZT 520-дан жоғары", "USD/KZT above 520"],
    ["USD/KZT 480-нен төмен", "USD/KZT below 480"],
    ["eur 600 жоғары", "EUR/KZT above 600"],
    ["USD/RUB 80,5-тен ЖОҒАРЫ", "USD/RUB above 80.5"],
  ])("reads %j as %j", (text, canonical) => {
    expect(formatFxCondition(parseFxCondition(text))).toBe(canonical);
  });

  it("still refuses a word it does not know", () => {
    expect(() => parseFxCondition("USD/KZT 520 шамасында")).toThrow(/could not read/);
  });
});
