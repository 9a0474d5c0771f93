import type iconvLite from "iconv-lite";
import { lazy } from "../load-once.js";
import { NotLoadedError } from "../not-loaded-error.js";

type Iconv = typeof iconvLite;

// iconv-lite carries every legacy code page (480 KiB); most feeds are UTF-8, which Node decodes
// itself, so it loads only for bodies in another charset (loadCharsets, or decodeBodyLoading).
const charsets = lazy(async () => {
  const mod = await import("iconv-lite");
  // CommonJS module: its functions sit on the default export or on the namespace, depending on the loader.
  return (mod as unknown as { default?: Iconv }).default ?? (mod as unknown as Iconv);
});

/** Loads iconv-lite once; decodeBody needs it for anything that is not UTF-8. */
export async function loadCharsets(): Promise<void> {
  await charsets.load();
}

export interface DecodedBody {
  readonly text: string;
  /** The charset the bytes were read as, e.g. "utf-8", "windows-1251". */
  readonly charset: string;
  /** Where that charset came from; "guess" means nothing declared a usable one. */
  readonly from: "bom" | "utf-8 check" | "header" | "prolog" | "guess";
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const utf8Lossy = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/** UTF-8 with a few broken sequences (a cut multi-byte char) is still UTF-8, not cp1251. */
function mostlyUtf8(body: Uint8Array): string | undefined {
  const text = utf8Lossy.decode(body);
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) wide++;
  }
  // Legacy Cyrillic read as UTF-8 is nearly all U+FFFD; real UTF-8 has at most a stray few.
  return wide >= 20 * bad ? text : undefined;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType) : null;
  return m?.[1]?.toLowerCase();
}

/** Reads encoding="..." from an XML prolog or <meta charset> in the first bytes (ASCII-compatible charsets only). */
function charsetFromMarkup(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024)).toString("latin1");
  const prolog = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (prolog) return prolog[1]!.toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

/**
 * Tells windows-1251 from KOI8-R when nothing declares a charset. Running text is mostly
 * lowercase; cp1251 puts lowercase Cyrillic at 0xE0-0xFF, KOI8-R at 0xC0-0xDF.
 */
function guessCyrillic(body: Uint8Array): string {
  let upperHalf = 0;
  let lowerHalf = 0;
  const end = Math.min(body.byteLength, 64 * 1024);
  for (let i = 0; i < end; i++) {
    const b = body[i]!;
    if (b >= 0xe0) upperHalf++;
    else if (b >= 0xc0) lowerHalf++;
  }
  return lowerHalf > upperHalf ? "koi8-r" : "windows-1251";
}

function isUtf16(charset: string): boolean {
  return /^utf-?16/i.test(charset);
}

/** What iconv-lite's "utf-8" gives (Node's own decoder, then one leading U+FEFF dropped), without loading it. */
function decodeUtf8AsIconvDid(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * decodeBody's steps; `undefined` when the bytes need iconv-lite and it is not loaded. Everything
 * UTF-8 (with or without a BOM, or with a few broken sequences) is decoded without it.
 */
function decode(body: Uint8Array, contentType: string | undefined, iconv: Iconv | undefined): DecodedBody | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    return { text: decodeUtf8AsIconvDid(body.subarray(3)), charset: "utf-8", from: "bom" };
  }
  const utf16Bom = body[0] === 0xff && body[1] === 0xfe ? "utf-16le" : body[0] === 0xfe && body[1] === 0xff ? "utf-16be" : undefined;
  if (utf16Bom) {
    if (!iconv) return undefined;
    return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), utf16Bom), charset: utf16Bom, from: "bom" };
  }

  const header = charsetFromContentType(contentType);
  // A UTF-16 body without a BOM is never valid-looking UTF-8 in a useful way: trust the header.
  if (header && isUtf16(header)) {
    if (!iconv) return undefined;
    if (iconv.encodingExists(header)) {
      return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), header), charset: header, from: "header" };
    }
  }
  try {
    return { text: utf8.decode(body), charset: "utf-8", from: "utf-8 check" };
  } catch {
    // not UTF-8: fall through to what the server or document declares
  }
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const declared: [string | undefined, DecodedBody["from"]][] = [
    [header, "header"],
    [charsetFromMarkup(body), "prolog"],
  ];
  for (const [charset, from] of declared) {
    // A declared "utf-8" is a lie here (the bytes failed the check), so it cannot settle the question.
    if (charset && !/^utf-?8$/i.test(charset) && !isUtf16(charset)) {
      if (!iconv) return undefined;
      if (iconv.encodingExists(charset)) return { text: iconv.decode(buf, charset), charset, from };
    }
  }
  const lossy = mostlyUtf8(body);
  if (lossy !== undefined) return { text: lossy, charset: "utf-8", from: "utf-8 check" };
  if (!iconv) return undefined;
  const guess = guessCyrillic(body);
  return { text: iconv.decode(buf, guess), charset: guess, from: "guess" };
}

/**
 * Bytes to text. Order: a BOM; bytes that are valid UTF-8 stay UTF-8 whatever the prolog
 * claims (servers often copy a stale prolog); then the HTTP charset, the XML prolog or
 * <meta>; else a windows-1251/KOI8-R guess, the two legacy charsets Kazakh and Russian sites use.
 * Anything but UTF-8 needs loadCharsets() awaited first; decodeBodyLoading does that when needed.
 */
export function decodeBody(body: Uint8Array, contentType?: string): DecodedBody {
  const decoded = decode(body, contentType, charsets.value);
  if (decoded === undefined) throw new NotLoadedError("iconv-lite", "loadCharsets");
  return decoded;
}

/** decodeBody, loading iconv-lite first only when the body is in a charset Node cannot decode alone. */
export async function decodeBodyLoading(body: Uint8Array, contentType?: string): Promise<DecodedBody> {
  const decoded = decode(body, contentType, charsets.value);
  if (decoded !== undefined) return decoded;
  await loadCharsets();
  return decodeBody(body, contentType);
}
