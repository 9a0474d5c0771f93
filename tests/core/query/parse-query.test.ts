import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../functions/core/errors.js";
import { normalizeQuery, parseQuery } from "../../../functions/core/query/index.js";

describe("parseQuery: canonical text", () => {
  it.each([
    ["военная база", "база военная"],
    ["  БАЗА   Военная ", "база военная"],
    ["Ёлка", "елка"],
    ['"военная база"', '"военная база"'],
    ["«военная база»", '"военная база"'],
    ["„военная база“", '"военная база"'],
    ['"база"', "база"],
    ["Нур-Султан", '"нур султан"'],
    ["USD/KZT", '"usd kzt"'],
    ["база OR авиабаза", "авиабаза OR база"],
    ["военная база OR авиабаза", "авиабаза OR база военная"],
    ["(военная база) OR авиабаза", "авиабаза OR (база военная)"],
    ["база -учения", "база -учения"],
    ['база -"военные учения"', 'база -"военные учения"'],
    ["база -(учения OR манёвры)", "база -(маневры OR учения)"],
    ["база база БАЗА", "база"],
    ["((база))", "база"],
    ["a (b c)", "a b c"],
    ["a OR (b OR c)", "a OR b OR c"],
    ["база -(-военная)", "база военная"],
    ["база, военная!", "база военная"],
    ["база - военная", "база военная"],
    ["база or авиабаза", "or авиабаза база"],
    ["&laquo;база&raquo;", "база"],
  ])("%j -> %j", (input, canonical) => {
    expect(normalizeQuery(parseQuery(input))).toBe(canonical);
  });

  it.each([
    "военная база",
    '"военная база" OR авиабаза -учения',
    "(a b) OR (c -d) e",
    "-(a OR b) c",
    'x -"y z" (p OR "q r")',
  ])("canonical text of %j parses back to the same query", (input) => {
    const query = parseQuery(input);
    expect(parseQuery(normalizeQuery(query))).toEqual(query);
  });
});

describe("parseQuery: invalid queries say what is wrong", () => {
  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["!!! …", /no words/],
    ["over 500 characters", /501 characters.*limit is 500/],
    ['"военная база', /quote .* never closed/],
    ["«военная база", /quote .* never closed/],
    ["(военная база", /'\(' is opened but never closed/],
    ["военная база)", /'\)' has no matching '\('/],
    ["()", /empty parentheses/],
    ["-база", /at least one word that must match/],
    ["-база -\"военные учения\"", /at least one word that must match/],
    ["-база OR авиабаза", /each side of OR/],
    ["база OR", /OR needs a word/],
    ["OR база", /OR needs a word/],
    ["база OR OR авиабаза", /OR needs a word/],
    ["(база OR) авиабаза", /OR needs a word/],
  ])("%s", (input, message) => {
    let caught: unknown;
    try {
      parseQuery(input === "over 500 characters" ? "x".repeat(501) : input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).field).toBe("q");
    expect((caught as ValidationError).message).toMatch(message);
  });

  it("accepts a query of exactly 500 characters", () => {
    expect(() => parseQuery(`${"база ".repeat(99)}база`)).not.toThrow();
  });
});
