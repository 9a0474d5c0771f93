import { z } from "@hono/zod-openapi";
import type { SearchRequest } from "../adapters/dynamo/headline-search.js";
import { defaults } from "../config/settings.js";
import type { Source } from "../config/sources.js";
import { topics } from "../config/topics.js";
import { ValidationError } from "../core/errors.js";
import type { Headline } from "../core/feeds/headline.js";
import { loadStemmers, MAX_QUERY_LENGTH, matchesQuery, normalizeQuery, parseQuery, type Query } from "../core/query/index.js";
import { parseInstant } from "./parse-instant.js";
import { preparedFor } from "./prepared-cache.js";

/** Headlines read from DynamoDB at most per request while a query filters them in memory. */
export const DEFAULT_MAX_SCAN = 1000;

/** The languages dabyl serves headlines in; lang accepts these only. */
export const NEWS_LANGS = ["ru", "kk", "en"] as const;
/** Most sources one search reads at once: each is one index query, merged by time. */
export const MAX_SOURCES = 10;

/**
 * Hono hands a repeated query parameter over as an array; say so in words instead of a type error.
 * Several values go in one parameter, comma-separated, where a filter takes several.
 */
const once = (name: string, several = false) => (iss: { input?: unknown }) =>
  Array.isArray(iss.input) ? `give ${name} once${several ? "; separate several values with commas" : ""}` : undefined;

/** "ru, KK,ru" -> ["ru", "kk"]: trimmed, lower-cased where asked, empty parts and repeats dropped. */
export function listParam(value: string | undefined, lower = false): string[] {
  if (value === undefined) return [];
  const parts = value.split(",").map((p) => (lower ? p.trim().toLowerCase() : p.trim()));
  return [...new Set(parts.filter(Boolean))];
}

const instant = (name: string, description: string, example: string) =>
  z
    .string({ error: once(name) })
    .max(40, "must be an ISO 8601 date or time")
    .refine(
      (v) => parseInstant(v) !== undefined,
      "must be a real ISO 8601 date or time, e.g. 2026-11-30 (midnight in Almaty) or 2026-11-30T10:00:00+05:00",
    )
    .optional()
    .openapi({ param: { name, in: "query" }, description, example });

/** The filters shared by GET /headlines and the feeds out (.rss, .atom, .json). */
export const HeadlineFilters = z.object({
  q: z
    .string({ error: once("q") })
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .optional()
    .openapi({
      description:
        'Search in the query language shared with alerts: words are ANDed, "quoted phrase", OR, -exclude, (groups); every inflection of a Russian, Kazakh or English word matches; whole words only.',
      example: '"военная база" OR авиабаза',
    }),
  topic: z
    .string({ error: once("topic") })
    .max(64)
    .optional()
    .openapi({ description: "A curated topic id (GET /topics); its query is ANDed with q", example: "military-bases" }),
  lang: z
    .string({ error: once("lang", true) })
    .max(32)
    .refine(
      (v) => listParam(v, true).length > 0 && listParam(v, true).every((l) => (NEWS_LANGS as readonly string[]).includes(l)),
      `must be ${NEWS_LANGS.join(", ")} (the languages dabyl serves), or several separated by commas`,
    )
    .optional()
    .openapi({ description: `Headline language: ${NEWS_LANGS.join(", ")}; several separated by commas (ru,kk)`, example: "ru" }),
  source: z
    .string({ error: once("source", true) })
    .min(1)
    .max(64 * MAX_SOURCES)
    .optional()
    .openapi({ description: `A source id (GET /sources); up to ${MAX_SOURCES} separated by commas`, example: "tengrinews-ru" }),
  since: instant(
    "since",
    "Published at or after this time (ISO 8601). A bare date is midnight in Almaty (UTC+5); a time without an offset is UTC. An unencoded + that arrived as a space is read as +.",
    "2026-11-30T00:00:00+05:00",
  ),
  until: instant("until", "Published before this time (ISO 8601, read as since is)", "2026-12-01"),
  group: z
    .enum(["story"], { error: (iss) => once("group")(iss) ?? 'must be "story"' })
    .optional()
    .openapi({ description: "story: one entry per story, the other sources listed in alsoIn" }),
  limit: z.coerce
    .number({ error: (iss) => once("limit")(iss) ?? "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(defaults.maxPageSize, `must be at most ${defaults.maxPageSize}`)
    .default(defaults.pageSize)
    .openapi({ example: 20 }),
  cursor: z.string({ error: once("cursor") }).min(1).max(2048).optional().openapi({ description: "nextCursor of the previous page (same filters)" }),
});

export type HeadlineFilterInput = z.infer<typeof HeadlineFilters>;

/** Turns validated query parameters into a search: unknown source/topic and bad ranges are 400s. */
export function toSearchRequest(f: HeadlineFilterInput, sources: readonly Source[], maxScan = DEFAULT_MAX_SCAN): SearchRequest {
  const sourceIds = listParam(f.source);
  if (sourceIds.length > MAX_SOURCES) throw new ValidationError("source", `give at most ${MAX_SOURCES} sources at a time`);
  const unknown = sourceIds.find((id) => !sources.some((s) => s.id === id));
  if (unknown !== undefined) throw new ValidationError("source", `unknown source "${unknown}"; GET /sources lists them`);
  const langs = listParam(f.lang, true);
  const queries: Query[] = [];
  if (f.topic !== undefined) {
    const topic = topics.find((t) => t.id === f.topic);
    if (!topic) throw new ValidationError("topic", `unknown topic "${f.topic}"; known topics: ${topics.map((t) => t.id).join(", ")}`);
    queries.push(parseQuery(topic.query));
  }
  if (f.q !== undefined) queries.push(parseQuery(f.q));
  const since = f.since ? parseInstant(f.since)?.toISOString() : undefined;
  const until = f.until ? parseInstant(f.until)?.toISOString() : undefined;
  if (since && until && since >= until) throw new ValidationError("until", "must be later than since");

  const filterKey = JSON.stringify([queries.map(normalizeQuery), [...langs].sort(), [...sourceIds].sort(), since, until, f.group]);
  const match =
    queries.length === 0
      ? undefined
      : (h: Headline) => {
          const doc = preparedFor(h);
          return queries.every((q) => matchesQuery(q, doc));
        };
  return {
    langs,
    sources: sourceIds,
    since,
    until,
    limit: f.limit,
    cursor: f.cursor,
    filterKey,
    match,
    unitOf: f.group === "story" ? (h) => h.storyId || h.id : undefined,
    maxScan,
  };
}

/**
 * toSearchRequest, with the stemmers loaded when q or topic makes it match text: a listing without
 * a query never loads them.
 */
export async function searchRequestFor(f: HeadlineFilterInput, sources: readonly Source[], maxScan?: number): Promise<SearchRequest> {
  const request = toSearchRequest(f, sources, maxScan);
  if (request.match !== undefined) await loadStemmers();
  return request;
}
