import { FUNCTION_WORDS } from "../text/function-words.js";

/** A stored or freshly read headline, as far as story matching needs it. */
export interface StoryEntry {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly storyId: string;
  readonly publishedAt: string;
}

// Function words carry no story; short, so titles keep their nouns.
const STOP = new Set(Object.values(FUNCTION_WORDS).flat());
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Title words that identify a story, Cyrillic-aware: case folded, ё read as е, punctuation and
 * quotes of every style ignored, function words dropped, and words cut to 6 letters so that
 * case endings (базы/базах/базами) do not tell two copies of one headline apart.
 */
export function storyTokens(title: string): string[] {
  const words = title.toLowerCase().replace(/ё/g, "е").match(WORD) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (STOP.has(w)) continue;
    out.add(/^\p{N}+$/u.test(w) ? w : w.slice(0, 6));
  }
  return [...out];
}

const isNumber = (t: string) => /^\p{N}+$/u.test(t);

/**
 * Whether two titles tell the same story: token-set Jaccard of at least `threshold` with at least
 * three shared words, and the same numbers ("курс на 1 декабря" and "курс на 2 декабря" differ).
 */
export function sameStory(a: readonly string[], b: readonly string[], threshold = 0.6): boolean {
  const setB = new Set(b);
  let shared = 0;
  for (const t of a) if (setB.has(t)) shared++;
  const union = a.length + b.length - shared;
  if (shared < 3 || union === 0 || shared / union < threshold) return false;
  const numsA = a.filter(isNumber).sort().join(" ");
  const numsB = b.filter(isNumber).sort().join(" ");
  return numsA === numsB;
}

interface Indexed {
  readonly entry: StoryEntry;
  readonly tokens: string[];
  readonly at: number;
}

/**
 * Recent headlines, indexed by title word, that assigns one storyId to the same story from
 * several sources. Built per poll cycle from the stored window, then fed each new headline,
 * so two sources carrying a story in the same cycle share an id too.
 */
export class StoryIndex {
  readonly #byId = new Map<string, Indexed>();
  readonly #byToken = new Map<string, Indexed[]>();
  readonly #windowMs: number;

  constructor(windowHours = 48) {
    this.#windowMs = windowHours * 3_600_000;
  }

  add(entry: StoryEntry): void {
    if (this.#byId.has(entry.id)) return;
    const indexed: Indexed = { entry, tokens: storyTokens(entry.title), at: Date.parse(entry.publishedAt) };
    this.#byId.set(entry.id, indexed);
    for (const t of indexed.tokens) {
      const list = this.#byToken.get(t);
      if (list) list.push(indexed);
      else this.#byToken.set(t, [indexed]);
    }
  }

  /**
   * The storyId for a headline: its own stored one if known, else the story of the most similar
   * headline from another source within the window, else its own id. Adds it to the index.
   */
  assign(entry: Omit<StoryEntry, "storyId">): string {
    const known = this.#byId.get(entry.id);
    if (known) return known.entry.storyId;
    const tokens = storyTokens(entry.title);
    const at = Date.parse(entry.publishedAt);
    const seen = new Set<Indexed>();
    let best: { storyId: string; score: number } | undefined;
    for (const t of tokens) {
      for (const cand of this.#byToken.get(t) ?? []) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        if (cand.entry.source === entry.source || Math.abs(cand.at - at) > this.#windowMs) continue;
        if (!sameStory(tokens, cand.tokens)) continue;
        const shared = cand.tokens.filter((x) => tokens.includes(x)).length;
        const score = shared / (tokens.length + cand.tokens.length - shared);
        if (!best || score > best.score) best = { storyId: cand.entry.storyId, score };
      }
    }
    const storyId = best?.storyId ?? entry.id;
    this.add({ ...entry, storyId });
    return storyId;
  }

  get size(): number {
    return this.#byId.size;
  }
}
