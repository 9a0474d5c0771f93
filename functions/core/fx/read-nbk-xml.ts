/** Turns NBK XML text into a plain object safely: no DTD, no entity expansion, no silent repair of broken XML. */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FeedError, err, ok, type Result } from "../errors.js";

/** Parsed NBK XML: every leaf is a string (never a number, so "0.0" stays visible as "0.0"). */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const parser = new XMLParser({
  // The NBK documents have no DOCTYPE; DTD entities are how billion-laughs attacks work, so none are expanded.
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === "item",
});

const DOCTYPE = /<!(DOCTYPE|ENTITY)/i;

/** Checks and parses; the error message is what the source's lastError shows. */
export function readNbkXml(xml: string): Result<XmlNode, FeedError> {
  if (xml.trim() === "") return err(new FeedError("empty_document", "the NBK response was empty"));
  // A maintenance or error page is the commonest "feed" failure; say so instead of reporting a DOCTYPE.
  if (/^\s*(<!doctype html|<html)/i.test(xml)) {
    return err(new FeedError("not_xml", "the NBK response is an HTML page, not rates XML"));
  }
  // Refused before parsing, so a hostile DTD costs one regex scan, never an expansion.
  if (DOCTYPE.test(xml)) {
    return err(new FeedError("doctype_refused", "the NBK response declares a DOCTYPE or ENTITY; refused (NBK feeds never do)"));
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return err(new FeedError("malformed_xml", `malformed XML at line ${line}, column ${col}: ${explain(msg)}`));
  }
  try {
    return ok(parser.parse(xml) as XmlNode);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return err(new FeedError("malformed_xml", `malformed XML: ${reason}`, { cause }));
  }
}

/** The text of a child element, or undefined when it is absent or not text. */
export function textOf(node: XmlValue | undefined, key: string): string | undefined {
  if (node === undefined || typeof node === "string" || Array.isArray(node)) return undefined;
  const v = node[key];
  return typeof v === "string" ? decodeXmlText(v) : undefined;
}

export function childOf(node: XmlValue | undefined, key: string): XmlValue | undefined {
  if (node === undefined || typeof node === "string" || Array.isArray(node)) return undefined;
  return node[key];
}

/** The validator reports a truncated document as "Invalid '[ "rss", "channel" ]' found."; say what it means. */
function explain(msg: string): string {
  const open = /^Invalid '\[([^\]]*)\]' found\.$/.exec(msg.replace(/\s+/g, " "));
  if (!open) return msg.replace(/\s+/g, " ");
  const tags = open[1]!.split(",").map((t) => t.trim().replace(/^"|"$/g, ""));
  return `the document ends with unclosed tags ${tags.join(" > ")} (truncated?)`;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Only the five predefined XML entities and numeric references; anything else stays literal. */
function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
    const cp = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}
