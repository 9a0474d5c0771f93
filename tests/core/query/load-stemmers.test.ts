import { describe, expect, it } from "vitest";
import { NotLoadedError } from "../../../functions/core/not-loaded-error.js";
import { loadStemmers, matchesQuery, parseQuery, prepareDocument, stemmersLoaded, stemToken } from "../../../functions/core/query/index.js";

// Runs in its own process (vitest forks per file), so the stemmers start out unloaded here.
describe("stemmers load on demand", () => {
  it("refuses to stem before loadStemmers(), naming the call to make, instead of matching nothing", () => {
    expect(stemmersLoaded()).toBe(false);
    expect(() => stemToken("базы")).toThrow(NotLoadedError);
    expect(() => stemToken("базы")).toThrow(/await loadStemmers\(\)/);
    // Parsing needs no stems, so a query can still be validated (POST /alerts) without loading them.
    expect(parseQuery("военная база").kind).toBe("and");
    expect(() => prepareDocument({ title: "Новая военная база" })).toThrow(NotLoadedError);
  });

  it("stems and matches once loaded, however many callers load at once", async () => {
    await Promise.all([loadStemmers(), loadStemmers()]);
    expect(stemmersLoaded()).toBe(true);
    expect(stemToken("базы")).toBe(stemToken("базе"));
    expect(matchesQuery(parseQuery("военная база"), prepareDocument({ title: "на военной базе прошли учения" }))).toBe(true);
  });
});
