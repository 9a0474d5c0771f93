import { describe, expect, it } from "vitest";
import { fitSms, smsLength } from "../../../functions/core/alerts/index.js";

const cyr = (n: number) => "ж".repeat(n);
const lat = (n: number) => "a".repeat(n);

describe("smsLength: what an operator bills", () => {
  it.each([
    ["empty", "", "gsm7", 0, 1],
    ["160 Latin letters: one segment", lat(160), "gsm7", 160, 1],
    ["161 Latin letters: two segments of 153", lat(161), "gsm7", 161, 2],
    ["306 Latin letters: still two", lat(306), "gsm7", 306, 2],
    ["307 Latin letters: three", lat(307), "gsm7", 307, 3],
    ["GSM extension characters count twice", "[]{}€".repeat(32), "gsm7", 320, 3],
    ["70 Cyrillic letters: one UCS-2 segment", cyr(70), "ucs2", 70, 1],
    ["71 Cyrillic letters: two segments of 67", cyr(71), "ucs2", 71, 2],
    ["134 Cyrillic letters: still two", cyr(134), "ucs2", 134, 2],
    ["135 Cyrillic letters: three", cyr(135), "ucs2", 135, 3],
    ["one Cyrillic letter makes a Latin text UCS-2", lat(69) + "ж", "ucs2", 70, 1],
    ["Kazakh letters are UCS-2", "Әскери база", "ucs2", 11, 1],
    ["an emoji is two UTF-16 units", "🙂".repeat(35), "ucs2", 70, 1],
  ])("%s", (_name, text, encoding, units, segments) => {
    expect(smsLength(text)).toEqual({ encoding, units, segments });
  });
});

describe("fitSms: at most two segments, the link and hint always whole", () => {
  const link = " http://127.0.0.1:3000/h/Ab3_x9Qz STOP - отписка";
  it.each([
    ["short Russian title fits as is", "dabyl: Токаев совершит рабочую поездку в Давос", link],
    ["long Russian title is cut", "dabyl: " + "Министерство финансов РК переходит на новую цифровую архитектуру ".repeat(4), link],
    ["long English title stays GSM-7", "dabyl: " + "Kazakhstan expands exports of deep-processed wheat products ".repeat(8), " http://127.0.0.1:3000/h/Ab3_x9Qz Reply STOP to opt out"],
    ["one endless word is cut mid-word", "dabyl: " + cyr(400), link],
  ])("%s", (_name, text, suffix) => {
    const sms = fitSms(text, suffix);
    expect(smsLength(sms).segments).toBeLessThanOrEqual(2);
    expect(sms.endsWith(suffix)).toBe(true);
    if (smsLength(text + suffix).segments <= 2) expect(sms).toBe(text + suffix);
    else expect(sms).toMatch(/(…|\.\.\.) http/);
  });

  it("keeps a Latin message in GSM-7 by cutting with three dots, not an ellipsis character", () => {
    const sms = fitSms("dabyl: " + "word ".repeat(100), " http://x.kz/h/Ab3_x9Qz");
    expect(smsLength(sms).encoding).toBe("gsm7");
    expect(smsLength(sms).units).toBeLessThanOrEqual(306);
    expect(smsLength(sms).units).toBeGreaterThan(290);
  });

  it("uses the room: a cut Cyrillic message is close to 134 characters", () => {
    const sms = fitSms("dabyl: " + "слово ".repeat(60), link);
    expect(smsLength(sms).units).toBeGreaterThan(120);
    expect(smsLength(sms).units).toBeLessThanOrEqual(134);
  });
});
