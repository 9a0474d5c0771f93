/**
 * SMS length rules. A message that fits the GSM 03.38 alphabet is sent as GSM-7 (160 characters in
 * one segment, 153 per segment when split; the extension characters take two); anything else, such
 * as Cyrillic, is UCS-2 (70 in one segment, 67 per segment when split; counted in UTF-16 units).
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsEncoding = "gsm7" | "ucs2";

export interface SmsLength {
  readonly encoding: SmsEncoding;
  /** Length in the encoding's units: GSM-7 septets or UTF-16 code units. */
  readonly units: number;
  readonly segments: number;
}

const LIMITS = { gsm7: { single: 160, multi: 153 }, ucs2: { single: 70, multi: 67 } } as const;

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return "ucs2";
  return "gsm7";
}

/** Units one character costs in the encoding (an extended GSM character takes an escape plus itself). */
function unitsOf(ch: string, encoding: SmsEncoding): number {
  if (encoding === "ucs2") return ch.length;
  return extended.has(ch) ? 2 : 1;
}

export function smsLength(text: string): SmsLength {
  const encoding = smsEncoding(text);
  let units = 0;
  for (const ch of text) units += unitsOf(ch, encoding);
  const { single, multi } = LIMITS[encoding];
  const segments = units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / multi);
  return { encoding, units, segments };
}

/** Largest number of units that fits in `segments` segments. */
export function smsCapacity(encoding: SmsEncoding, segments: number): number {
  const { single, multi } = LIMITS[encoding];
  return segments <= 1 ? single : multi * segments;
}

/**
 * Shortens `text` so that `text + suffix` fits in `segments` segments, cutting at a word boundary
 * where one is near and marking the cut with "…". The suffix (a link, a hint) is never cut.
 */
export function fitSms(text: string, suffix: string, segments = 2): string {
  const whole = text + suffix;
  if (smsLength(whole).segments <= segments) return whole;
  const encoding = smsEncoding(whole);
  // "…" is not in GSM-7; "..." keeps a Latin message in the cheaper encoding.
  const ellipsis = encoding === "gsm7" ? "..." : "…";
  const budget = smsCapacity(encoding, segments) - [...suffix + ellipsis].reduce((n, ch) => n + unitsOf(ch, encoding), 0);
  let used = 0;
  let cut = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const u = unitsOf(chars[i] as string, encoding);
    if (used + u > budget) break;
    used += u;
    cut = i + 1;
  }
  let head = chars.slice(0, cut).join("");
  const space = head.lastIndexOf(" ");
  // Prefer a word boundary unless it throws away more than a fifth of the room.
  if (space > head.length * 0.8) head = head.slice(0, space);
  return head.trimEnd() + ellipsis + suffix;
}
