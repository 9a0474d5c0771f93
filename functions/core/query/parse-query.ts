import { ValidationError } from "../errors.js";
import { lexQuery } from "./lex-query.js";
import type { Lexeme } from "./lex-query.js";
import { normalizeQuery } from "./normalize-query.js";
import { MAX_QUERY_LENGTH } from "./query-types.js";
import type { Query } from "./query-types.js";

const invalid = (message: string): ValidationError => new ValidationError("q", message);

class Parser {
  private position = 0;
  constructor(private readonly lexemes: readonly Lexeme[]) {}

  private peek(): Lexeme | undefined {
    return this.lexemes[this.position];
  }

  /** Items side by side are ANDed: `военная база` needs both words. */
  parseAnd(): Query {
    const items: Query[] = [];
    for (let next = this.peek(); next !== undefined && next.type !== "close"; next = this.peek()) {
      if (next.type === "or") throw invalid("OR needs a word, phrase or group on both sides, e.g. база OR авиабаза");
      items.push(this.parseOr());
    }
    if (items.length === 0) throw invalid("empty parentheses: put words inside ( ) or remove them");
    return makeGroup("and", items);
  }

  /** OR binds tighter than the space between words, as in web search: `a b OR c` is a AND (b OR c). */
  private parseOr(): Query {
    const items = [this.parseUnary()];
    while (this.peek()?.type === "or") {
      this.position++;
      const next = this.peek();
      if (next === undefined || next.type === "or" || next.type === "close") {
        throw invalid("OR needs a word, phrase or group on both sides, e.g. база OR авиабаза");
      }
      items.push(this.parseUnary());
    }
    return makeGroup("or", items);
  }

  private parseUnary(): Query {
    const lexeme = this.peek();
    this.position++;
    if (lexeme === undefined || lexeme.type === "or" || lexeme.type === "close") {
      throw invalid("unexpected end of the query");
    }
    let item: Query;
    if (lexeme.type === "open") {
      item = this.parseAnd();
      // lexQuery already checked the balance, so a group always ends at its ")".
      this.position++;
    } else {
      const [first, ...rest] = lexeme.words;
      item = rest.length === 0 && first !== undefined ? { kind: "term", word: first } : { kind: "phrase", words: lexeme.words };
    }
    if (!lexeme.negated) return item;
    return item.kind === "not" ? item.item : { kind: "not", item };
  }

  atEnd(): boolean {
    return this.position >= this.lexemes.length;
  }
}

/** Flattens nested groups of the same kind, drops duplicates and sorts, so equal queries print equal. */
function makeGroup(kind: "and" | "or", items: readonly Query[]): Query {
  const byText = new Map<string, Query>();
  for (const item of items) {
    for (const flat of item.kind === kind ? item.items : [item]) byText.set(normalizeQuery(flat), flat);
  }
  // Word order inside AND does not change what matches; sorting makes "база военная" = "военная база".
  const sorted = [...byText.entries()]
    .sort(([a, qa], [b, qb]) => Number(qa.kind === "not") - Number(qb.kind === "not") || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, query]) => query);
  const [only] = sorted;
  return sorted.length === 1 && only !== undefined ? only : { kind, items: sorted };
}

/** True when a match needs at least one word to be present: what makes a query indexable. */
export function hasRequiredWord(query: Query): boolean {
  switch (query.kind) {
    case "term":
    case "phrase":
      return true;
    case "not":
      return false;
    case "and":
      return query.items.some(hasRequiredWord);
    case "or":
      return query.items.every(hasRequiredWord);
  }
}

function hasPositiveWord(query: Query): boolean {
  if (query.kind === "term" || query.kind === "phrase") return true;
  return query.kind !== "not" && query.items.some(hasPositiveWord);
}

/**
 * Parses the query language shared by GET /headlines?q= and alerts. Throws ValidationError("q", ...)
 * with a message that says what to fix.
 */
export function parseQuery(input: string): Query {
  if (input.length > MAX_QUERY_LENGTH) {
    throw invalid(`the query is ${input.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
  }
  const lexemes = lexQuery(input);
  if (lexemes.length === 0) {
    throw invalid(
      input.trim() === ""
        ? "the query is empty: type at least one word"
        : "the query has no words: punctuation and quotes alone are ignored",
    );
  }
  const parser = new Parser(lexemes);
  const query = parser.parseAnd();
  if (!parser.atEnd()) throw invalid("a closing parenthesis ')' has no matching '('");
  if (!hasRequiredWord(query)) {
    throw invalid(
      hasPositiveWord(query)
        ? "each side of OR needs a word that must match: `-word OR other` would match almost every headline"
        : "a query needs at least one word that must match; it cannot be only exclusions (-word)",
    );
  }
  return query;
}
