import iconv from "iconv-lite";

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

/**
 * Bytes to text. Order: a BOM; bytes that are valid UTF-8 stay UTF-8 whatever the prolog
 * claims (servers often copy a stale prolog); then the HTTP charset, the XML prolog or
 * <meta>; else a windows-1251/KOI8-R guess, the two legacy charsets Kazakh and Russian sites use.
 */
export function decodeBody(body: Uint8Array, contentType?: string): DecodedBody {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset + 3, body.byteLength - 3), "utf-8"), charset: "utf-8", from: "bom" };
  }
  if (body[0] === 0xff && body[1] === 0xfe) return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "utf-16le"), charset: "utf-16le", from: "bom" };
  if (body[0] === 0xfe && body[1] === 0xff) return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "utf-16be"), charset: "utf-16be", from: "bom" };

  const header = charsetFromContentType(contentType);
  // A UTF-16 body without a BOM is never valid-looking UTF-8 in a useful way: trust the header.
  if (header && isUtf16(header) && iconv.encodingExists(header)) {
    return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), header), charset: header, from: "header" };
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
    if (charset && !/^utf-?8$/i.test(charset) && !isUtf16(charset) && iconv.encodingExists(charset)) {
      return { text: iconv.decode(buf, charset), charset, from };
    }
  }
  const lossy = mostlyUtf8(body);
  if (lossy !== undefined) return { text: lossy, charset: "utf-8", from: "utf-8 check" };
  const guess = guessCyrillic(body);
  return { text: iconv.decode(buf, guess), charset: guess, from: "guess" };
}
