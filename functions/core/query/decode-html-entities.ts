// Feeds double-escape often ("&amp;laquo;"), so named entities cover what Russian and Kazakh
// news actually use: quotes, dashes, spaces. Unknown names stay as text (their letters are harmless).
const NAMED: ReadonlyMap<string, string> = new Map(Object.entries({
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", shy: "\u00ad",
  laquo: "«", raquo: "»", ldquo: "“", rdquo: "”", bdquo: "„", lsquo: "‘", rsquo: "’", sbquo: "‚",
  lsaquo: "‹", rsaquo: "›", ndash: "–", mdash: "—", minus: "−", hellip: "…", middot: "·", bull: "•",
  thinsp: " ", ensp: " ", emsp: " ", zwnj: "", zwj: "", lrm: "", rlm: "",
  copy: "©", reg: "®", trade: "™", deg: "°", numero: "№", euro: "€",
  iexcl: "¡", iquest: "¿", sect: "§", para: "¶", times: "×", divide: "÷", prime: "′", Prime: "″",
}));

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

function fromCodePoint(code: number): string {
  // A broken numeric entity must not throw in the middle of a feed poll.
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return " ";
  return String.fromCodePoint(code);
}

/** Decodes named and numeric HTML entities (&laquo; &quot; &#1041; &#x411;), twice escaped ones too. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  let current = text;
  // Two rounds undo the common "&amp;quot;" double escaping without looping on hostile input.
  for (let round = 0; round < 2 && current.includes("&"); round++) {
    current = current.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
      const named = name === undefined ? undefined : (NAMED.get(name) ?? NAMED.get(name.toLowerCase()));
      return named ?? whole;
    });
  }
  return current;
}
