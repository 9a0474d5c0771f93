import type { Query } from "./query-types.js";

function printOperand(item: Query, parent: "and" | "or" | "not"): string {
  const text = normalizeQuery(item);
  // OR binds tighter than the implicit AND, so only an AND inside OR (or anything compound after "-")
  // needs parentheses to read back the same.
  if (item.kind === "and" && parent !== "and") return `(${text})`;
  if (item.kind === "or" && parent === "not") return `(${text})`;
  return text;
}

/**
 * Canonical text of a query: lower case, ё -> е, punctuation gone, one space between items, AND and OR
 * items sorted and deduplicated (parseQuery does that), phrases in straight double quotes. Queries that
 * match the same headlines because they differ only in those ways get the same text, which the alerts
 * code turns into the same topic. Parsing the canonical text gives the same query back.
 */
export function normalizeQuery(query: Query): string {
  switch (query.kind) {
    case "term":
      return query.word;
    case "phrase":
      return `"${query.words.join(" ")}"`;
    case "not":
      return `-${printOperand(query.item, "not")}`;
    case "and":
      return query.items.map((item) => printOperand(item, "and")).join(" ");
    case "or":
      return query.items.map((item) => printOperand(item, "or")).join(" OR ");
  }
}
