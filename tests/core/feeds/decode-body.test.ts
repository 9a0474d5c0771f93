import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBody, decodeBodyLoading, loadCharsets } from "../../../functions/core/feeds/decode-body.js";
import { NotLoadedError } from "../../../functions/core/not-loaded-error.js";

// Runs in its own process (vitest forks per file), so iconv-lite starts out unloaded here.
const ru = "Новости Казахстана: курс тенге";
const BOM = [0xef, 0xbb, 0xbf];

describe("UTF-8 needs no iconv-lite", () => {
  it.each([
    ["plain UTF-8", Buffer.from(ru), undefined, "utf-8 check"],
    ["UTF-8 under a cp1251 header", Buffer.from(ru), "text/xml; charset=windows-1251", "utf-8 check"],
    ["UTF-8 with a BOM", Buffer.from([...BOM, ...Buffer.from(ru)]), undefined, "bom"],
    ["UTF-8 with one cut character", Buffer.concat([Buffer.from(ru.repeat(2)), Buffer.from([0xd0])]), undefined, "utf-8 check"],
  ])("%s decodes before loadCharsets()", (_why, bytes, type, from) => {
    const d = decodeBody(bytes, type);
    expect(d).toMatchObject({ charset: "utf-8", from });
    expect(d.text.startsWith(ru)).toBe(true);
  });
});

describe("other charsets load iconv-lite on demand", () => {
  const legacy: [string, Buffer, string | undefined, string][] = [
    ["cp1251 declared in the header", iconv.encode(ru, "win1251"), "text/xml; charset=windows-1251", "windows-1251"],
    ["KOI8-R guessed", iconv.encode(ru, "koi8-r"), undefined, "koi8-r"],
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ru, "utf16le")]), undefined, "utf-16le"],
    ["UTF-16 declared in the header", Buffer.from(ru, "utf16le"), "text/xml; charset=utf-16le", "utf-16le"],
  ];

  // Tests in a file run in order: this one sees iconv-lite unloaded.
  it("decodeBody names the load to await instead of guessing without it", () => {
    for (const [, bytes, type] of legacy) {
      expect(() => decodeBody(bytes, type)).toThrow(NotLoadedError);
      expect(() => decodeBody(bytes, type)).toThrow(/await loadCharsets\(\)/);
    }
  });

  it.each(legacy)("%s: decodeBodyLoading loads it and decodes", async (_why, bytes, type, charset) => {
    const d = await decodeBodyLoading(bytes, type);
    expect(d.charset).toBe(charset);
    expect(d.text).toBe(ru);
    expect(decodeBody(bytes, type)).toEqual(d);
  });
});

describe("a UTF-8 BOM body decodes exactly as iconv-lite's utf-8 did", () => {
  // Random bytes with a bias to UTF-8 lead and continuation bytes: cut, overlong and stray sequences.
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = [0x41, 0xd0, 0xb0, 0x80, 0xbf, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xc0, 0xed, 0xa0, 0xef, 0xbb, 0xfe, 0xff];
  const cases = Array.from({ length: 300 }, () => Buffer.from(Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick[Math.floor(next() * pick.length)]!)));
  cases.push(Buffer.from(BOM), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98]));

  it("for 300 random tails, a second BOM and cut sequences at the end", async () => {
    await loadCharsets();
    for (const tail of cases) {
      const d = decodeBody(Buffer.concat([Buffer.from(BOM), tail]));
      expect({ tail: tail.toString("hex"), text: d.text }).toEqual({ tail: tail.toString("hex"), text: iconv.decode(tail, "utf-8") });
    }
  });
});
