import { describe, expect, it } from "vitest";
import { everyMinutes } from "../../stacks/schedule-expression.js";

describe("everyMinutes", () => {
  it.each([
    [1, "cron(* * * * ? *)"],
    [5, "cron(0/5 * * * ? *)"],
    [15, "cron(0/15 * * * ? *)"],
    [60, "cron(0 * * * ? *)"],
    [180, "cron(0 0/3 * * ? *)"],
    [1440, "cron(0 0 * * ? *)"],
    // Does not divide the hour or the day: rate() keeps the interval exact.
    [7, "rate(7 minutes)"],
    [90, "rate(90 minutes)"],
  ])("every %i minutes -> %s", (minutes, expression) => {
    expect(everyMinutes(minutes)).toBe(expression);
  });

  it.each([0, -5, 2.5, Number.NaN])("refuses %s minutes", (minutes) => {
    expect(() => everyMinutes(minutes)).toThrow(RangeError);
  });
});
