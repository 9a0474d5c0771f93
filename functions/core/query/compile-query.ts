import { FUNCTION_WORDS } from "../text/function-words.js";
import type { PreparedDocument } from "./prepare-document.js";
import type { Query } from "./query-types.js";
import { stemToken, stemVariants } from "./stem-token.js";

/** A query with its words replaced by stems for one document language. */
export type CompiledNode =
  | { readonly kind: "term"; readonly stem: string }
  | {
      readonly kind: "phrase";
      readonly stems: readonly string[];
      /** Each word's second stem (see stemVariants), or undefined when no word has one. */
      readonly alternates: readonly (string | undefined)[] | undefined;
    }
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
const STOP_WORDS = Object.values(FUNCTION_WORDS).flat();
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
    case "term": {
      const { stem, alternate } = stemVariants(query.word, lang);
      if (alternate === undefined) return { kind: "term", stem };
      return { kind: "or", items: [{ kind: "term", stem }, { kind: "term", stem: alternate }] };
    }
    case "phrase": {
      const words = query.words.map((word) => stemVariants(word, lang));
      const alternates = words.some((word) => word.alternate !== undefined) ? words.map((word) => word.alternate) : undefined;
      return { kind: "phrase", stems: words.map((word) => word.stem), alternates };
    }
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
      // Any one word of a phrase must be present (as its stem or its alternate); the rarest-looking one
      // keeps the candidate list short.
      let best: AnchorChoice | undefined;
      node.stems.forEach((stem, i) => {
        const alternate = node.alternates?.[i];
        const choice = alternate === undefined
          ? { stems: [stem], cost: stemCost(stem) }
          : { stems: [stem, alternate], cost: stemCost(stem) + stemCost(alternate) };
        if (best === undefined || choice.cost < best.cost) best = choice;
      });
      return best;
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

// A position matches a phrase word when either of its stems meets either of the word's stems.
function meets(doc: PreparedDocument, at: number, stem: string, alternate: string | undefined): boolean {
  const here = doc.sequence[at];
  if (here === undefined) return false;
  const other = doc.alternates?.[at];
  return here === stem || other === stem || (alternate !== undefined && (here === alternate || other === alternate));
}

function containsPhraseWithAlternates(
  stems: readonly string[],
  alternates: readonly (string | undefined)[],
  doc: PreparedDocument,
): boolean {
  const fits = (start: number): boolean => {
    let i = 1;
    while (i < stems.length && meets(doc, start + i, stems[i] as string, alternates[i])) i++;
    return i === stems.length;
  };
  // doc.stems lists every position under both of its stems, so the first word's two lists cover it.
  const [first = "", firstAlternate] = [stems[0], alternates[0]];
  if (doc.stems.get(first)?.some(fits)) return true;
  return firstAlternate !== undefined && doc.stems.get(firstAlternate)?.some(fits) === true;
}

function toPredicate(node: CompiledNode): (doc: PreparedDocument) => boolean {
  switch (node.kind) {
    case "term": {
      const stem = node.stem;
      return (doc) => doc.stems.has(stem);
    }
    case "phrase": {
      const { stems, alternates } = node;
      // Documents with second stems are rare (Kazakh forms in Russian text), so the plain walk stays the rule.
      return (doc) =>
        alternates === undefined && doc.alternates === undefined
          ? containsPhrase(stems, doc)
          : containsPhraseWithAlternates(stems, alternates ?? [], doc);
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
