import { ConfigError } from "../core/errors.js";
import { sourceKinds, type Source, type SourceKind } from "./sources.js";

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Per-source limits: [smallest, largest, unit]. Bounds keep one typo from hammering or ignoring a site. */
const LIMITS: Record<"intervalMinutes" | "timeoutSeconds" | "maxMegabytes", [number, number, string]> = {
  intervalMinutes: [1, 1440, "minutes"],
  timeoutSeconds: [1, 120, "seconds"],
  maxMegabytes: [0.1, 100, "megabytes"],
};

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates the JSON of a DABYL_SOURCES_FILE. Throws ConfigError naming the bad entry,
 * e.g. `sources[2].url: "ftp://x" is not an http(s) URL`.
 */
export function parseSources(json: string, fileName = "sources file"): Source[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ConfigError(`${fileName} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!Array.isArray(data)) throw new ConfigError(`${fileName} must hold a JSON array of sources`);
  if (data.length === 0) throw new ConfigError(`${fileName} holds no sources`);
  const seen = new Set<string>();
  return data.map((entry: unknown, i) => {
    const where = `sources[${i}]`;
    const bad = (field: string, why: string) => new ConfigError(`${fileName}: ${where}.${field} ${why}`);
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new ConfigError(`${fileName}: ${where} must be an object with id, kind and url`);
    }
    const e = entry as Record<string, unknown>;
    const known = ["id", "kind", "url", "lang", "timezone", ...Object.keys(LIMITS)];
    for (const k of Object.keys(e)) if (!known.includes(k)) throw bad(k, `is not a known field (${known.join(", ")})`);
    if (typeof e.id !== "string" || !ID.test(e.id)) throw bad("id", `must be lowercase letters, digits and dashes, got ${JSON.stringify(e.id)}`);
    if (seen.has(e.id)) throw bad("id", `"${e.id}" is used twice`);
    seen.add(e.id);
    if (typeof e.kind !== "string" || !sourceKinds.includes(e.kind as SourceKind)) {
      throw bad("kind", `must be one of ${sourceKinds.join(", ")}, got ${JSON.stringify(e.kind)}`);
    }
    if (typeof e.url !== "string") throw bad("url", "is missing");
    let url: URL;
    try {
      url = new URL(e.url);
    } catch {
      throw bad("url", `${JSON.stringify(e.url)} is not a URL`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw bad("url", `${JSON.stringify(e.url)} is not an http(s) URL`);
    if (e.lang !== undefined && (typeof e.lang !== "string" || !/^[a-z]{2}$/.test(e.lang))) {
      throw bad("lang", `must be a two-letter code such as "ru", "kk" or "en", got ${JSON.stringify(e.lang)}`);
    }
    if (e.timezone !== undefined && (typeof e.timezone !== "string" || !isValidZone(e.timezone))) {
      throw bad("timezone", `must be an IANA zone such as "Asia/Almaty", got ${JSON.stringify(e.timezone)}`);
    }
    const limits: Record<string, number> = {};
    for (const [field, [min, max, unit]] of Object.entries(LIMITS)) {
      const v = e[field];
      if (v === undefined) continue;
      if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
        throw bad(field, `must be a number of ${unit} from ${min} to ${max}, got ${JSON.stringify(v)}`);
      }
      limits[field] = v;
    }
    return {
      ...limits,
      id: e.id,
      kind: e.kind as SourceKind,
      url: url.toString(),
      ...(e.lang !== undefined ? { lang: e.lang as string } : {}),
      ...(e.timezone !== undefined ? { timezone: e.timezone as string } : {}),
    };
  });
}
