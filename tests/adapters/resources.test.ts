import { describe, expect, it } from "vitest";
import { readResources } from "../../functions/adapters/resources.js";

describe("readResources", () => {
  it.each([
    [undefined, 600],
    ["", 600],
    ["0", 0],
    ["120", 120],
    [" 30 ", 30],
  ])("DABYL_RATE_LIMIT_PER_MINUTE=%j is %d per minute", (value, expected) => {
    expect(readResources({ DABYL_RATE_LIMIT_PER_MINUTE: value }).rateLimitPerMinute).toBe(expected);
  });

  it.each(["abc", "-5", "1.5", "1e3", "60/min", "NaN", "Infinity"])("DABYL_RATE_LIMIT_PER_MINUTE=%j is refused at start, not read as 'off'", (value) => {
    expect(() => readResources({ DABYL_RATE_LIMIT_PER_MINUTE: value })).toThrow(/DABYL_RATE_LIMIT_PER_MINUTE must be a whole number .*0 turns the limit off/);
  });

  it.each([
    [undefined, undefined],
    ["https://dabyl.example.kz", "https://dabyl.example.kz"],
    ["https://dabyl.example.kz/", "https://dabyl.example.kz"],
    ["https://example.kz/dabyl/", "https://example.kz/dabyl"],
    ["http://127.0.0.1:3000", "http://127.0.0.1:3000"],
  ])("DABYL_PUBLIC_URL=%j is %j", (value, expected) => {
    expect(readResources({ DABYL_PUBLIC_URL: value }).publicUrl).toBe(expected);
  });

  it.each(["dabyl.example.kz", "ftp://example.kz", "https://example.kz/?x=1", "https://example.kz/#top", "https://u:p@example.kz"])(
    "DABYL_PUBLIC_URL=%j is refused",
    (value) => {
      expect(() => readResources({ DABYL_PUBLIC_URL: value })).toThrow(/DABYL_PUBLIC_URL must be an absolute http\(s\) URL/);
    },
  );
});
