import { ValidationError } from "../../core/errors.js";

type Key = Record<string, string>;

/** Opaque page token: the index it belongs to and the key to continue after. */
export function encodeCursor(index: string, key: Key): string {
  return Buffer.from(JSON.stringify({ i: index, k: key })).toString("base64url");
}

export function decodeCursor(cursor: string, index: string, keyNames: readonly string[]): Key {
  const invalid = () => new ValidationError("cursor", "cursor is not valid here: pass the nextCursor of a previous response with the same filters");
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const d = data as { i?: unknown; k?: unknown };
  if (!d || d.i !== index || typeof d.k !== "object" || d.k === null) throw invalid();
  const k = d.k as Record<string, unknown>;
  const names = Object.keys(k).sort();
  if (names.join() !== [...keyNames].sort().join() || names.some((n) => typeof k[n] !== "string")) throw invalid();
  return k as Key;
}
