import { ValidationError } from "../errors.js";
import { tokenize } from "./tokenize.js";

export type Lexeme =
  | { readonly type: "open"; readonly negated: boolean }
  | { readonly type: "close" }
  | { readonly type: "or" }
  /** words: normalized tokens; one for a plain word, more for a quoted or hyphenated phrase. */
  | { readonly type: "words"; readonly words: readonly string[]; readonly negated: boolean };

// Any quote mark opens a phrase and the next one closes it, so «», „“, “”, "" all work.
const QUOTES = new Set(['"', "«", "»", "„", "“", "”", "‟", "＂"]);
const SPACE = /\s/u;

function isBoundary(char: string): boolean {
  return SPACE.test(char) || char === "(" || char === ")" || QUOTES.has(char);
}

/** Splits query text into parentheses, OR, words and phrases; reports unbalanced quotes and parentheses. */
export function lexQuery(input: string): Lexeme[] {
  const chars = [...input];
  const lexemes: Lexeme[] = [];
  let depth = 0;
  let i = 0;
  while (i < chars.length) {
    let char = chars[i] ?? "";
    if (SPACE.test(char)) {
      i++;
      continue;
    }
    let negated = false;
    if (char === "-" && i + 1 < chars.length && !SPACE.test(chars[i + 1] ?? " ")) {
      negated = true;
      i++;
      char = chars[i] ?? "";
    }
    if (char === "(") {
      depth++;
      lexemes.push({ type: "open", negated });
      i++;
    } else if (char === ")") {
      depth--;
      if (depth < 0) throw new ValidationError("q", "a closing parenthesis ')' has no matching '('");
      lexemes.push({ type: "close" });
      i++;
    } else if (QUOTES.has(char)) {
      let end = i + 1;
      while (end < chars.length && !QUOTES.has(chars[end] ?? "")) end++;
      if (end >= chars.length) {
        throw new ValidationError("q", `a quote ${char} is opened but never closed: close the phrase with a matching quote`);
      }
      const words = tokenize(chars.slice(i + 1, end).join(""));
      // An empty phrase ("" or «!!!») says nothing; dropping it is kinder than an error.
      if (words.length > 0) lexemes.push({ type: "words", words, negated });
      i = end + 1;
    } else {
      let end = i;
      while (end < chars.length && !isBoundary(chars[end] ?? " ")) end++;
      const raw = chars.slice(i, end).join("");
      i = end;
      if (raw === "OR" && !negated) {
        lexemes.push({ type: "or" });
        continue;
      }
      // "Нур-Султан" or "USD/KZT" become phrases; a lone dash or "!!!" becomes nothing.
      const words = tokenize(raw);
      if (words.length > 0) lexemes.push({ type: "words", words, negated });
    }
  }
  if (depth > 0) throw new ValidationError("q", "a parenthesis '(' is opened but never closed: add the missing ')'");
  return lexemes;
}
