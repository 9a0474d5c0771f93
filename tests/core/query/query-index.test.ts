import { describe, expect, it } from "vitest";
import { QueryIndex, buildQueryIndex, loadStemmers, matchesQuery, parseQuery, prepareDocument } from "../../../functions/core/query/index.js";
import type { Query } from "../../../functions/core/query/index.js";

// The stemmers load on demand in production (loadStemmers); these checks stem synchronously.
await loadStemmers();

// A seeded generator so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = [
  "база", "базы", "базе", "военная", "военных", "авиабаза", "базар", "Токаев", "Токаева", "Казахстан",
  "Казахстане", "курс", "доллара", "тенге", "нефть", "учения", "США", "Россия", "российские", "в", "на",
  "әскери", "базасы", "базалар", "Тоқаев", "және", "base", "bases", "military", "database", "oil", "Астана",
];

function randomQueryText(next: () => number): string {
  const word = (): string => WORDS[Math.floor(next() * WORDS.length)] ?? "база";
  const atom = (): string => {
    const roll = next();
    if (roll < 0.2) return `"${word()} ${word()}"`;
    if (roll < 0.35) return `(${word()} OR ${word()})`;
    return word();
  };
  const parts = [atom()];
  const size = Math.floor(next() * 3);
  for (let i = 0; i < size; i++) parts.push(next() < 0.25 ? `-${atom()}` : atom());
  if (next() < 0.2) return `${parts.join(" ")} OR ${atom()}`;
  return parts.join(" ");
}

function randomDocument(next: () => number): { title: string; summary: string; lang?: string } {
  const text = (length: number): string =>
    Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)] ?? "").join(" ");
  const roll = next();
  const lang = roll < 0.3 ? "kk" : roll < 0.6 ? "ru" : undefined;
  return lang === undefined ? { title: text(6), summary: text(12) } : { title: text(6), summary: text(12), lang };
}

describe("the index returns exactly what matchesQuery returns", () => {
  it.each([1, 2, 3, 4, 5])("random corpus with seed %i", (seed) => {
    const next = random(seed);
    const queries = Array.from({ length: 400 }, (_, i) => ({ id: `q${i}`, query: parseQuery(randomQueryText(next)) }));
    const index = buildQueryIndex(queries);
    let matched = 0;
    for (let d = 0; d < 150; d++) {
      const doc = prepareDocument(randomDocument(next));
      const expected = queries.filter(({ query }) => matchesQuery(query, doc)).map(({ id }) => id).sort();
      expect(index.match(doc).sort()).toEqual(expected);
      matched += expected.length;
    }
    // The corpus is meant to exercise both outcomes, not to pass by matching nothing.
    expect(matched).toBeGreaterThan(150);
    expect(matched).toBeLessThan(400 * 150);
  });
});

describe("QueryIndex", () => {
  const doc = prepareDocument({ title: "На военной базе прошли учения", lang: "ru" });

  it("queries written differently share one entry and both ids match", () => {
    const index = new QueryIndex<string>();
    index.add("a", parseQuery("военная база"));
    index.add("b", parseQuery("  БАЗА военная "));
    expect(index.queryCount).toBe(1);
    expect(index.match(doc).sort()).toEqual(["a", "b"]);
  });

  it("remove takes one id out and keeps the shared query for the other", () => {
    const index = buildQueryIndex([
      { id: "a", query: parseQuery("военная база") },
      { id: "b", query: parseQuery("база военная") },
      { id: "c", query: parseQuery("учения -база") },
    ]);
    expect(index.remove("a")).toBe(true);
    expect(index.remove("a")).toBe(false);
    expect(index.match(doc)).toEqual(["b"]);
    index.remove("b");
    expect(index.queryCount).toBe(1);
    expect(index.match(doc)).toEqual([]);
  });

  it("adding an id again replaces its query", () => {
    const index = new QueryIndex<string>();
    index.add("a", parseQuery("авиабаза"));
    index.add("a", parseQuery("учения"));
    expect(index.size).toBe(1);
    expect(index.match(doc)).toEqual(["a"]);
  });

  it("a query reached through several of its words is reported once", () => {
    const query: Query = parseQuery("база OR учения OR военная");
    const index = buildQueryIndex([{ id: "x", query }]);
    expect(index.match(doc)).toEqual(["x"]);
  });

  it("a Kazakh document uses the Kazakh stems of the same queries", () => {
    const index = buildQueryIndex([{ id: "kk", query: parseQuery('"әскери база"') }]);
    expect(index.match(prepareDocument({ title: "Әскери базалар туралы", lang: "kk" }))).toEqual(["kk"]);
    expect(index.match(prepareDocument({ title: "Военные базы", lang: "ru" }))).toEqual([]);
  });
});
