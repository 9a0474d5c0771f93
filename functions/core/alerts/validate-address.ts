import { err, ok, ValidationError, type Result } from "../errors.js";
import type { Channel } from "./alert-types.js";

/**
 * An allowed entry is a country calling code ("998") or a code plus the start of the national
 * number ("77"): +7 is shared by Kazakhstan (+7 6xx, +7 7xx) and Russia, and only the next digit
 * tells them apart.
 */
function allowedPrefixOf(digits: string, allowed: readonly string[]): string | undefined {
  return allowed.find((prefix) => digits.startsWith(prefix));
}

/** "+7 7…" for a +7 prefix that goes into the national number, "+998" for a plain code. */
function describePrefix(prefix: string): string {
  return prefix.length > 1 && prefix.startsWith("7") ? `+7 ${prefix.slice(1)}…` : `+${prefix}`;
}

/**
 * An SMS number in E.164 (+, country code, subscriber number, 8 to 15 digits in all). Spaces,
 * dashes, dots and parentheses people type are dropped; a leading 8 (Kazakh trunk prefix) is not
 * guessed into +7, since a wrong guess would text a stranger.
 */
export function normalizePhone(input: string, allowedCountryCodes: readonly string[]): Result<string, ValidationError> {
  const compact = input.trim().replace(/[\s().-]/g, "");
  if (!/^\+[1-9]\d{7,14}$/.test(compact)) {
    return err(new ValidationError("address", "an SMS address must be a phone number in international format, e.g. +77011234567"));
  }
  const digits = compact.slice(1);
  if (allowedPrefixOf(digits, allowedCountryCodes) === undefined) {
    const kazakh = allowedCountryCodes.filter((c) => c.length > 1 && c.startsWith("7"));
    if (digits.startsWith("7") && kazakh.length > 0) {
      const starts = kazakh.map((c) => `+7 ${c.slice(1)}`).join(" or ");
      return err(
        new ValidationError("address", `this is not a Kazakhstan number: SMS alerts go only to numbers starting with ${starts} (e.g. +77011234567); other +7 numbers are Russian`),
      );
    }
    const list = allowedCountryCodes.map(describePrefix).join(", ");
    return err(new ValidationError("address", `SMS alerts are only sent to numbers starting with ${list}`));
  }
  // Kazakhstan and Russia (+7) use ten-digit national numbers: +7 and exactly 10 more digits.
  if (digits.startsWith("7") && digits.length !== 11) {
    return err(new ValidationError("address", "a +7 number has 10 digits after +7, e.g. +77011234567"));
  }
  return ok(compact);
}

/**
 * An email address as SNS accepts it: one "@", a local part without spaces, a domain with a dot and
 * a letters-only top-level label. Lower-cases the domain only (local parts may be case-sensitive).
 */
export function normalizeEmail(input: string): Result<string, ValidationError> {
  const trimmed = input.trim();
  const bad = () => err(new ValidationError("address", "an email address looks like name@example.kz"));
  if (trimmed.length > 254) return bad();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at !== trimmed.indexOf("@")) return bad();
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  if (local.length > 64 || !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return bad();
  }
  const labels = domain.split(".");
  const tld = labels[labels.length - 1] ?? "";
  if (labels.length < 2 || !/^[a-z]{2,63}$|^xn--[a-z0-9-]{1,59}$/.test(tld)) return bad();
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return bad();
  return ok(`${local}@${domain}`);
}

/** Validates and normalizes an address for its channel. */
export function normalizeAddress(channel: Channel, input: string, allowedCountryCodes: readonly string[]): Result<string, ValidationError> {
  return channel === "sms" ? normalizePhone(input, allowedCountryCodes) : normalizeEmail(input);
}
