import type { PreparedDocument } from "./prepare-document.js";
import type { Query } from "./query-types.js";
import { stemToken } from "./stem-token.js";

/** A query with its words replaced by stems for one document language. */
export type CompiledNode =
  | { readonly kind: "term"; readonly stem: string }
  | { readonly kind: "phrase"; readonly stems: readonly string[] }
  | { readonly kind: "and" | "or"; readonly items: readonly CompiledNode[] }
  | { readonly kind: "not"; readonly item: CompiledNode };

export interface CompiledForLanguage {
  readonly node: CompiledNode;
  /** Stems of which every matching document contains at least one: the keys in the inverted index. */
  readonly anchors: readonly string[];
  /** True when containing an anchor is already a match (a word, or words joined by OR). */
  readonly anchorIsMatch: boolean;
  /** The node as one closure: several times faster than walking the tree for every candidate. */
  readonly test: (doc: PreparedDocument) => boolean;
}

export type CompiledQuery = Readonly<Record<PreparedDocument["lang"], CompiledForLanguage>>;

// Function words are in almost every text; a query anchored on one would be evaluated for every headline.
const STOP_WORDS = [
  "и", "в", "во", "на", "с", "со", "по", "для", "о", "об", "от", "до", "из", "за", "к", "у", "не", "что",
  "как", "это", "а", "но", "или", "при", "и", "the", "a", "an", "of", "in", "on", "at", "to", "for", "and",
  "or", "is", "by", "with", "from", "as", "және", "мен", "бен", "пен", "да", "де", "бұл", "осы", "бір", "үшін",
];
// Stemmed on first use, not at import: the stemmers load on demand (loadStemmers).
let stopStemsByLang: Readonly<Record<PreparedDocument["lang"], ReadonlySet<string>>> | undefined;
function stopStems(lang: PreparedDocument["lang"]): ReadonlySet<string> {
  stopStemsByLang ??= {
    ru: new Set(STOP_WORDS.map((word) => stemToken(word, "ru"))),
    kk: new Set(STOP_WORDS.map((word) => stemToken(word, "kk"))),
  };
  return stopStemsByLang[lang];
}

function compileNode(query: Query, lang: PreparedDocument["lang"]): CompiledNode {
  switch (query.kind) {
    case "term":
      return { kind: "term", stem: stemToken(query.word, lang) };
    case "phrase":
      return { kind: "phrase", stems: query.words.map((word) => stemToken(word, lang)) };
    case "not":
      return { kind: "not", item: compileNode(query.item, lang) };
    case "and":
    case "or":
      return { kind: query.kind, items: query.items.map((item) => compileNode(item, lang)) };
  }
}

interface AnchorChoice {
  readonly stems: readonly string[];
  /** A guess at how many headlines contain one of the stems: short and common stems cost more. */
  readonly cost: number;
}

function chooseAnchors(node: CompiledNode, stops: ReadonlySet<string>): AnchorChoice | undefined {
  const stemCost = (stem: string): number => (stops.has(stem) ? 1000 : 1 + 16 / Math.max(1, stem.length));
  switch (node.kind) {
    case "term":
      return { stems: [node.stem], cost: stemCost(node.stem) };
    case "phrase": {
      // Any one word of a phrase must be present; the rarest-looking one keeps the candidate list short.
      const stem = [...node.stems].sort((a, b) => stemCost(a) - stemCost(b))[0] ?? "";
      return { stems: [stem], cost: stemCost(stem) };
    }
    case "not":
      return undefined;
    case "and": {
      let best: AnchorChoice | undefined;
      for (const item of node.items) {
        const choice = chooseAnchors(item, stops);
        if (choice !== undefined && (best === undefined || choice.cost < best.cost)) best = choice;
      }
      return best;
    }
    case "or": {
      const stems = new Set<string>();
      let cost = 0;
      for (const item of node.items) {
        const choice = chooseAnchors(item, stops);
        if (choice === undefined) return undefined;
        choice.stems.forEach((stem) => stems.add(stem));
        cost += choice.cost;
      }
      return { stems: [...stems], cost };
    }
  }
}

function compileFor(query: Query, lang: PreparedDocument["lang"]): CompiledForLanguage {
  const node = compileNode(query, lang);
  // parseQuery guarantees a required word, so an anchor always exists for a parsed query.
  const anchors = chooseAnchors(node, stopStems(lang))?.stems ?? [];
  const anchorIsMatch =
    node.kind === "term" || (node.kind === "or" && node.items.every((item) => item.kind === "term"));
  return { node, anchors, anchorIsMatch, test: toPredicate(node) };
}

/** Stems a parsed query for both document languages and picks its index anchors. */
export function compileQuery(query: Query): CompiledQuery {
  return { ru: compileFor(query, "ru"), kk: compileFor(query, "kk") };
}

function containsPhrase(stems: readonly string[], doc: PreparedDocument): boolean {
  const [first] = stems;
  const starts = first === undefined ? undefined : doc.stems.get(first);
  if (starts === undefined) return false;
  for (const start of starts) {
    let i = 1;
    while (i < stems.length && doc.sequence[start + i] === stems[i]) i++;
    if (i === stems.length) return true;
  }
  return false;
}

function toPredicate(node: CompiledNode): (doc: PreparedDocument) => boolean {
  switch (node.kind) {
    case "term": {
      const stem = node.stem;
      return (doc) => doc.stems.has(stem);
    }
    case "phrase": {
      const stems = node.stems;
      return (doc) => containsPhrase(stems, doc);
    }
    case "not": {
      const inner = toPredicate(node.item);
      return (doc) => !inner(doc);
    }
    case "and":
      return conjunction(node.items);
    case "or": {
      const items = node.items.map(toPredicate);
      return (doc) => items.some((item) => item(doc));
    }
  }
}

// Most alerts are a few words with maybe an exclusion; checking those as plain stem lists, before any
// phrase or group, keeps the per-candidate cost to a few hash lookups.
function conjunction(items: readonly CompiledNode[]): (doc: PreparedDocument) => boolean {
  const required: string[] = [];
  const excluded: string[] = [];
  const rest: ((doc: PreparedDocument) => boolean)[] = [];
  for (const item of items) {
    if (item.kind === "term") required.push(item.stem);
    else if (item.kind === "not" && item.item.kind === "term") excluded.push(item.item.stem);
    else rest.push(toPredicate(item));
  }
  return (doc) => {
    const stems = doc.stems;
    for (let i = 0; i < required.length; i++) if (!stems.has(required[i] as string)) return false;
    for (let i = 0; i < excluded.length; i++) if (stems.has(excluded[i] as string)) return false;
    for (let i = 0; i < rest.length; i++) if (!(rest[i] as (doc: PreparedDocument) => boolean)(doc)) return false;
    return true;
  };
}

/** Evaluates a compiled query (for the document's language) against a prepared document. */
export function evaluateCompiled(node: CompiledNode, doc: PreparedDocument): boolean {
  switch (node.kind) {
    case "term":
      return doc.stems.has(node.stem);
    case "phrase":
      return containsPhrase(node.stems, doc);
    case "not":
      return !evaluateCompiled(node.item, doc);
    case "and":
      return node.items.every((item) => evaluateCompiled(item, doc));
    case "or":
      return node.items.some((item) => evaluateCompiled(item, doc));
  }
}
