/**
 * Proof that an SMS subscriber owns the number: a six-digit code sent to it. The code is kept
 * only as an HMAC under the address key (bound to the alert id), and the number itself, until the
 * code comes back, only sealed with the manage token, which dabyl keeps as a hash: a table export
 * alone reveals neither.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** Six random digits, leading zeros kept. */
export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hashVerificationCode(key: Buffer, alertId: string, code: string): string {
  return createHmac("sha256", key).update(`verify\n${alertId}\n${code}`).digest("base64url");
}

export function verificationCodeMatches(key: Buffer, alertId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashVerificationCode(key, alertId, code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The code as people type it ("123 456", "123-456"), or undefined when it is not six digits. */
export function normalizeVerificationCode(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

function sealKey(token: string, alertId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", token, alertId, "dabyl sealed address", 32));
}

/** AES-256-GCM under a key derived from the manage token: "<iv>.<tag>.<ciphertext>", base64url. */
export function sealAddress(token: string, alertId: string, address: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(token, alertId), iv);
  const body = Buffer.concat([cipher.update(address, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The sealed address, or undefined for a wrong token, another alert's seal or a damaged value. */
export function openAddress(token: string, alertId: string, sealed: string): string | undefined {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealKey(token, alertId), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
