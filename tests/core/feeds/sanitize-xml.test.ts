import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBody, loadCharsets } from "../../../functions/core/feeds/decode-body.js";
import { sanitizeXml } from "../../../functions/core/feeds/sanitize-xml.js";

// iconv-lite loads on demand in production (loadCharsets); these checks decode legacy charsets synchronously.
await loadCharsets();

describe("sanitizeXml", () => {
  it.each([
    ["C0 controls", "<t>a\u0001b\u000Bc\u001Fd</t>", "<t>abcd</t>"],
    ["tab, LF and CR stay", "<t>a\tb\nc\rd</t>", "<t>a\tb\nc\rd</t>"],
    ["a lone surrogate", "<t>a\uD800b</t>", "<t>a\uFFFDb</t>"],
    ["an emoji stays", "<t>a😀b</t>", "<t>a😀b</t>"],
    ["forbidden numeric references", "<t>a&#1;b&#x1F;c&#9;d</t>", "<t>abc&#9;d</t>"],
    ["HTML entities become numeric", "<t>a&nbsp;b&mdash;c</t>", "<t>a&#160;b&#8212;c</t>"],
    ["XML entities stay", "<t>&lt;&amp;&gt;&quot;&apos;</t>", "<t>&lt;&amp;&gt;&quot;&apos;</t>"],
    ["a bare ampersand is escaped", "<t>AT&T & co</t>", "<t>AT&amp;T &amp; co</t>"],
    ["an undefined entity is dropped", "<t>a&evil;b</t>", "<t>ab</t>"],
    ["a DOCTYPE with > inside an entity value", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "a>b">]><r>&x;</r>', '<?xml version="1.0"?><r></r>'],
    ["a DOCTYPE-looking text inside content stays", "<r><![CDATA[<!DOCTYPE html>]]></r>", "<r><![CDATA[<!DOCTYPE html>]]></r>"],
  ])("%s", (_why, input, output) => {
    expect(sanitizeXml(input)?.xml).toBe(output);
  });

  it("strips a billion-laughs DTD of any size in linear time", () => {
    let dtd = '<!DOCTYPE r [<!ENTITY a0 "ha">';
    for (let i = 1; i < 40; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(20)}">`;
    const t0 = performance.now();
    const out = sanitizeXml(`${dtd}]><r>&a39;</r>`);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(out).toMatchObject({ xml: "<r></r>", declaredEntities: true, droppedEntities: 1 });
  });
});

describe("decodeBody", () => {
  const ru = "Новости Казахстана: курс тенге";
  it.each([
    ["cp1251 declared in the header", iconv.encode(ru, "win1251"), "text/xml; charset=windows-1251", "windows-1251", "header"],
    ["KOI8-R guessed", iconv.encode(ru, "koi8-r"), undefined, "koi8-r", "guess"],
    ["cp1251 guessed", iconv.encode(ru, "win1251"), undefined, "windows-1251", "guess"],
    ["valid UTF-8 despite a cp1251 header", Buffer.from(ru), "text/xml; charset=windows-1251", "utf-8", "utf-8 check"],
    ["UTF-8 with one cut character stays UTF-8", Buffer.concat([Buffer.from(ru), Buffer.from([0xd0])]), undefined, "utf-8", "utf-8 check"],
  ])("%s", (_why, bytes, type, charset, from) => {
    const d = decodeBody(bytes, type);
    expect(d).toMatchObject({ charset, from });
    expect(d.text.startsWith(ru)).toBe(true);
  });
});
