import { describe, expect, it } from "vitest";
import { parseInstant } from "../../functions/api/parse-instant.js";

describe("parseInstant reads since/until as people send them", () => {
  it.each([
    // A bare date is a calendar day in Almaty, which was UTC+6 before 1 March 2024 and UTC+5 since.
    ["2026-11-30", "2026-11-29T19:00:00.000Z"],
    ["2023-06-01", "2023-05-31T18:00:00.000Z"],
    ["2024-02-29", "2024-02-28T18:00:00.000Z"],
    ["2026-11-30T10:00:00Z", "2026-11-30T10:00:00.000Z"],
    ["2026-11-30T10:00", "2026-11-30T10:00:00.000Z"],
    ["2026-11-30T10:00:00+05:00", "2026-11-30T05:00:00.000Z"],
    ["2026-11-30T10:00:00+0500", "2026-11-30T05:00:00.000Z"],
    ["2026-11-30T10:00:00.250-03:30", "2026-11-30T13:30:00.250Z"],
    // An unencoded "+" arrives as a space.
    ["2026-11-30T00:00:00 05:00", "2026-11-29T19:00:00.000Z"],
    ["2026-11-30 10:00+05:00", "2026-11-30T05:00:00.000Z"],
    ["2026-11-30 10:00 05:00", "2026-11-30T05:00:00.000Z"],
  ])("%s is %s", (input, expected) => {
    expect(parseInstant(input)?.toISOString()).toBe(expected);
  });

  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "2026-11-30T24:00", "2026-11-30T10:60", "2026-11-30T10:00:61Z", "2026-11-30T10:00+15:00", "yesterday", "30.11.2026", ""])(
    "%j is not a date",
    (input) => {
      expect(parseInstant(input)).toBeUndefined();
    },
  );
});
