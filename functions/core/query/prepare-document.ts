import { matchLanguage } from "../text/language-code.js";
import { detectLanguage } from "./detect-language.js";
import { stemVariants } from "./stem-token.js";
import { tokenize } from "./tokenize.js";

/** What a query is matched against: a headline's title and summary, tokenized and stemmed once. */
export interface MatchableDocument {
  readonly title: string;
  readonly summary?: string | undefined;
  /** The feed's language code, if known ("ru", "kk", "en", "kk-KZ"); otherwise it is guessed. */
  readonly lang?: string | undefined;
}

export interface PreparedDocument {
  /** "kk" when Cyrillic words were stemmed as Kazakh; queries are stemmed the same way for it. */
  readonly lang: "kk" | "ru";
  /** Each distinct stem with the positions where it occurs, ascending. */
  readonly stems: ReadonlyMap<string, readonly number[]>;
  /** The stem at each position; a hole separates title from summary so no phrase spans both. */
  readonly sequence: readonly (string | undefined)[];
  /** The second stem at each position where a word has one (Алматыда: алмат), else absent. */
  readonly alternates?: readonly (string | undefined)[] | undefined;
}

/** Tokenizes and stems a document once, so it can be matched against any number of queries. */
export function prepareDocument(doc: MatchableDocument): PreparedDocument {
  const titleTokens = tokenize(doc.title);
  const summaryTokens = doc.summary === undefined ? [] : tokenize(doc.summary);
  const hint = matchLanguage(doc.lang) ?? detectLanguage([...titleTokens, ...summaryTokens]);
  const lang = hint === "kk" ? "kk" : "ru";
  const sequence: (string | undefined)[] = [];
  const stems = new Map<string, number[]>();
  let alternates: (string | undefined)[] | undefined;
  const record = (stem: string, at: number): void => {
    const positions = stems.get(stem);
    if (positions === undefined) stems.set(stem, [at]);
    else positions.push(at);
  };
  const add = (token: string): void => {
    const { stem, alternate } = stemVariants(token, lang);
    const at = sequence.length;
    record(stem, at);
    if (alternate !== undefined) {
      record(alternate, at);
      alternates ??= [];
      alternates[at] = alternate;
    }
    sequence.push(stem);
  };
  titleTokens.forEach(add);
  sequence.push(undefined);
  summaryTokens.forEach(add);
  return { lang, stems, sequence, alternates };
}
