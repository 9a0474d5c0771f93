import { createHash, timingSafeEqual } from "node:crypto";

/** What is stored instead of a manage token: its SHA-256 (tokens are random, so no salt is needed). */
export function hashManageToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** Compares a presented token with a stored hash in constant time. */
export function manageTokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashManageToken(token));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,200})\s*$/i.exec(header ?? "");
  return match?.[1];
}
