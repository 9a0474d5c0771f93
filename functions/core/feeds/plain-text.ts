import { decodeHTML } from "entities";

const COMMENT = /<!--[\s\S]*?(-->|$)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const BLOCK_TAG = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|blockquote|section|article)\b[^>]*>/gi;
const DROP_WITH_CONTENT = /<(script|style|noscript|iframe|template)\b[\s\S]*?(<\/\1\s*>|$)/gi;
const TAG = /<\/?[a-zA-Z][^<>]*>/g;
// C0/C1 controls except tab/newline, plus zero-width and bidi marks that hide in copied text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

function stripMarkup(s: string): string {
  return s
    .replace(CDATA, "$1")
    .replace(COMMENT, " ")
    .replace(DROP_WITH_CONTENT, " ")
    .replace(BLOCK_TAG, " ")
    .replace(TAG, "");
}

/**
 * Turns feed HTML (or entity-encoded HTML, which many feeds double-encode) into one line of
 * plain text: tags dropped, entities decoded, controls removed, whitespace folded.
 */
export function toPlainText(input: string | undefined | null): string {
  if (!input) return "";
  let text = stripMarkup(input);
  // Decode until stable: "&amp;lt;b&amp;gt;" is markup wearing two coats of escaping.
  for (let i = 0; i < 3; i++) {
    const decoded = decodeHTML(text);
    const again = stripMarkup(decoded);
    if (again === text) break;
    text = again;
  }
  return text.replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

/** Cuts text to at most `max` characters at a word boundary, adding an ellipsis; never mid-word. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  const base = space > max * 0.5 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,.;:–—-]+$/, "")}…`;
}
