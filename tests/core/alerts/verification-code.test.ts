import { describe, expect, it } from "vitest";
import {
  composeSmsActivated,
  composeVerificationSms,
  hashVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
  openAddress,
  sealAddress,
  smsLength,
  verificationCodeMatches,
} from "../../../functions/core/alerts/index.js";

const key = Buffer.alloc(32, 7);

describe("SMS verification codes", () => {
  it("are six random digits", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode()));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
  });

  it("are stored as a keyed hash bound to the alert, and compared in constant time", () => {
    const h = hashVerificationCode(key, "alert-1", "123456");
    expect(h).not.toContain("123456");
    expect(verificationCodeMatches(key, "alert-1", "123456", h)).toBe(true);
    expect(verificationCodeMatches(key, "alert-1", "123457", h)).toBe(false);
    expect(verificationCodeMatches(key, "alert-2", "123456", h)).toBe(false);
    expect(verificationCodeMatches(Buffer.alloc(32, 8), "alert-1", "123456", h)).toBe(false);
  });

  it.each([
    ["123456", "123456"],
    [" 123 456 ", "123456"],
    ["123-456", "123456"],
    ["12345", undefined],
    ["1234567", undefined],
    ["12345a", undefined],
    ["", undefined],
  ])("reads %j as %j", (input, expected) => {
    expect(normalizeVerificationCode(input)).toBe(expected);
  });
});

describe("the number waiting for its code", () => {
  it("is sealed with the manage token: only its holder can open it, and only for this alert", () => {
    const sealed = sealAddress("token-abcdefghijklmnop", "alert-1", "+77011234567");
    expect(sealed).not.toContain("7011234567");
    expect(openAddress("token-abcdefghijklmnop", "alert-1", sealed)).toBe("+77011234567");
    expect(openAddress("token-abcdefghijklmnoq", "alert-1", sealed)).toBeUndefined();
    expect(openAddress("token-abcdefghijklmnop", "alert-2", sealed)).toBeUndefined();
    expect(openAddress("token-abcdefghijklmnop", "alert-1", "garbage")).toBeUndefined();
  });
});

describe("verification and confirmation texts", () => {
  it.each([
    ["ru", /код подтверждения 123456.*15 мин/],
    ["kk", /растау коды 123456.*15 минут/],
    ["en", /code is 123456.*15 minutes/],
  ] as const)("the code SMS (%s) fits one segment", (lang, pattern) => {
    const text = composeVerificationSms("123456", 15, lang);
    expect(text).toMatch(pattern);
    expect(smsLength(text).segments).toBe(1);
  });

  it.each(["ru", "kk", "en"] as const)("the confirmation SMS (%s) carries the whole manage link in at most three segments", (lang) => {
    const url = "https://abcdefghij.execute-api.eu-central-1.amazonaws.com/alerts/q3F9sX1bT0mPz8Lk/manage?token=" + "A".repeat(43);
    const text = composeSmsActivated("военная база — очень длинный запрос, который не поместится целиком", url, lang);
    expect(text).toContain(url);
    expect(text).toMatch(/STOP/);
    expect(smsLength(text).segments).toBeLessThanOrEqual(3);
  });

  it("keeps an English confirmation in GSM-7", () => {
    const text = composeSmsActivated("military base", "https://api.dabyl.kz/alerts/x/manage?token=y", "en");
    expect(smsLength(text)).toMatchObject({ encoding: "gsm7", segments: 1 });
  });
});
