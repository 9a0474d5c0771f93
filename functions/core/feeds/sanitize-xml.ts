import { decodeHTML } from "entities";

export interface SanitizedXml {
  readonly xml: string;
  /** True when a <!DOCTYPE> was removed (its entities are never expanded). */
  readonly removedDoctype: boolean;
  /** True when that DOCTYPE carried an internal subset ([<!ENTITY ...>]), the shape of billion-laughs and XXE. */
  readonly declaredEntities: boolean;
  /** Entity references that named nothing dabyl knows and were dropped, e.g. an XXE "&xxe;". */
  readonly droppedEntities: number;
}

// Characters XML 1.0 forbids: C0 controls except tab, LF, CR; U+FFFE/U+FFFF. (Lone surrogates are
// handled by toWellFormed, far faster than a lookaround regex over megabytes.)
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const HAS_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// The same characters written as numeric references, which a strict parser also rejects.
const FORBIDDEN_REF = /&#(?:x0*(?:[0-8bcef]|1[0-9a-f])|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));/gi;
// ES2024 string methods (Node 20 has them; the project's TypeScript lib is ES2023).
type WellFormed = { isWellFormed(): boolean; toWellFormed(): string };
const NAMED_REF = /&([A-Za-z][A-Za-z0-9._-]*);/g;
const XML_NAMED = new Set(["amp", "lt", "gt", "quot", "apos"]);
// A bare "&" (as in "AT&T"), the most common way feeds break XML.
const BARE_AMP = /&(?![A-Za-z][A-Za-z0-9._-]*;|#[0-9]+;|#x[0-9a-fA-F]+;)/g;

/**
 * Finds the end of a <!DOCTYPE ...> starting at `start`: skips quoted strings and the
 * [internal subset], so a `>` inside an entity value does not end it early. Linear time.
 */
function doctypeEnd(xml: string, start: number): number {
  let depth = 0;
  let quote = "";
  for (let i = start + 9; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (c === ">" && depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Makes feed text safe and acceptable for a strict XML parser, without a DTD ever being read:
 * - the <!DOCTYPE> (and any internal subset of <!ENTITY> declarations) is removed, so
 *   billion-laughs and external entities (XXE) have nothing to expand;
 * - HTML named entities (&nbsp;, &mdash;, which old RSS 0.91 DTDs declared) become numeric
 *   references; any other named reference is dropped rather than expanded;
 * - a bare "&" becomes "&amp;";
 * - characters XML forbids are removed, rather than losing the whole feed to one stray byte.
 * Returns undefined for a DOCTYPE that never ends (not a feed worth reading).
 */
export function sanitizeXml(input: string): SanitizedXml | undefined {
  let xml = input;
  let removedDoctype = false;
  let declaredEntities = false;
  const at = xml.search(/<!DOCTYPE/i);
  // Only a DOCTYPE before the root element is one; later text is content.
  if (at >= 0 && !/<[A-Za-z_]/.test(xml.slice(0, at).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""))) {
    const end = doctypeEnd(xml, at);
    if (end < 0) return undefined;
    declaredEntities = /<!ENTITY/i.test(xml.slice(at, end));
    xml = xml.slice(0, at) + xml.slice(end);
    removedDoctype = true;
  }
  let droppedEntities = 0;
  // Each pass runs only when needed: most feeds are clean, and these are multi-megabyte strings.
  if (HAS_FORBIDDEN.test(xml)) xml = xml.replace(FORBIDDEN, "");
  const wf = xml as unknown as WellFormed;
  if (!wf.isWellFormed()) xml = wf.toWellFormed();
  if (xml.includes("&#")) xml = xml.replace(FORBIDDEN_REF, "");
  if (xml.includes("&")) {
    xml = xml.replace(BARE_AMP, "&amp;").replace(NAMED_REF, (whole, name: string) => {
      if (XML_NAMED.has(name)) return whole;
      const decoded = decodeHTML(whole);
      if (decoded !== whole) return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join("");
      droppedEntities++;
      return "";
    });
  }
  return { xml, removedDoctype, declaredEntities, droppedEntities };
}
