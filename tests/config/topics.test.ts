import { describe, expect, it } from "vitest";
import { topics } from "../../functions/config/topics.js";
import { loadStemmers, matchesQuery, parseQuery, prepareDocument } from "../../functions/core/query/index.js";
import { demoFeeds } from "../../functions/local/demo-feeds.js";

// The stemmers load on demand in production (loadStemmers); these checks stem synchronously.
await loadStemmers();

const sample = demoFeeds.flatMap((f) => f.items.map((i) => ({ title: i.title, summary: i.summary, lang: f.lang })));
const matching = (topicId: string) => {
  const q = parseQuery(topics.find((t) => t.id === topicId)!.query);
  return sample.filter((d) => matchesQuery(q, prepareDocument(d))).map((d) => d.title);
};

describe("curated topics", () => {
  it.each(topics.map((t) => [t.id, t] as const))("%s is a valid query with a title in every UI language", (_id, t) => {
    expect(() => parseQuery(t.query)).not.toThrow();
    expect(t.id).toMatch(/^[a-z0-9-]+$/);
    for (const l of ["ru", "kk", "en"] as const) expect(t.title[l].length).toBeGreaterThan(2);
  });

  it("military-bases finds the seed's story in Russian, Kazakh and English, and nothing else", () => {
    expect(matching("military-bases")).toEqual([
      "WSJ узнала о планах США использовать российские военные базы в Азии",
      "WSJ: АҚШ Орталық Азиядағы ресейлік әскери базаларды пайдалануды талқылаған",
      "WSJ: US weighed using Russian military bases in Central Asia",
    ]);
  });

  it("tokayev matches his name in all three scripts and inflections", () => {
    expect(matching("tokayev")).toHaveLength(4);
  });

  it("ids are unique", () => {
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
  });
});
