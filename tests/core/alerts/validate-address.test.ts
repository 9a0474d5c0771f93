import { describe, expect, it } from "vitest";
import { alertSettings } from "../../../functions/config/alerts.js";
import { normalizeEmail, normalizePhone } from "../../../functions/core/alerts/index.js";

const KZ = ["76", "77"];

describe("normalizePhone: E.164, Kazakh +7 6xx/7xx unless configured", () => {
  it.each([
    ["+77011234567", ["7"], "+77011234567"],
    ["+7 (701) 123-45-67", ["7"], "+77011234567"],
    ["+7.701.123.45.67", ["7"], "+77011234567"],
    ["+998901234567", ["7", "998"], "+998901234567"],
    ["+77011234567", KZ, "+77011234567"],
    ["+7 747 123 45 67", KZ, "+77471234567"],
    ["+76001234567", KZ, "+76001234567"],
    ["+998901234567", [...KZ, "998"], "+998901234567"],
    // An operator who lists plain "7" opts into every +7 number, Russian ones included.
    ["+79161234567", ["7"], "+79161234567"],
  ])("accepts %s", (input, codes, expected) => {
    expect(normalizePhone(input, codes)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["87011234567", ["7"], /international format/],
    ["77011234567", ["7"], /international format/],
    ["+7701123456", ["7"], /10 digits after \+7/],
    ["+770112345678", ["7"], /10 digits after \+7/],
    ["+998901234567", ["7"], /only sent to numbers starting with \+7/],
    ["+14155550100", ["7"], /only sent to numbers starting with \+7/],
    ["+7701abc4567", ["7"], /international format/],
    ["+0123456789", ["7"], /international format/],
    ["", ["7"], /international format/],
    ["+79161234567", KZ, /not a Kazakhstan number.*\+7 6 or \+7 7.*Russian/],
    ["+74951234567", KZ, /not a Kazakhstan number/],
    ["+998901234567", KZ, /only sent to numbers starting with \+7 6…, \+7 7…/],
    ["+7701123456", KZ, /10 digits after \+7/],
  ])("refuses %s", (input, codes, message) => {
    const r = normalizePhone(input, codes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe("address");
      expect(r.error.message).toMatch(message);
    }
  });
});

it("allows only Kazakh numbers by default", () => {
  expect(alertSettings.smsCountryCodes).toEqual(KZ);
  expect(normalizePhone("+79161234567", alertSettings.smsCountryCodes).ok).toBe(false);
  expect(normalizePhone("+77011234567", alertSettings.smsCountryCodes).ok).toBe(true);
});

describe("normalizeEmail", () => {
  it.each([
    ["reader@example.kz", "reader@example.kz"],
    ["  Reader.Name+news@Mail.Example.KZ ", "Reader.Name+news@mail.example.kz"],
    ["a@xn--80ao21a.xn--p1ai", "a@xn--80ao21a.xn--p1ai"],
  ])("accepts %s", (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["reader", "reader@", "@example.kz", "a@b@example.kz", "reader@example", "read er@example.kz", "reader@exa_mple.kz", ".reader@example.kz", "re..ader@example.kz", "reader@-example.kz", "reader@example.k1", `${"a".repeat(65)}@example.kz`])(
    "refuses %s",
    (input) => {
      const r = normalizeEmail(input);
      expect(r.ok).toBe(false);
    },
  );
});
