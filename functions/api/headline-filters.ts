import { z } from "@hono/zod-openapi";
import type { SearchRequest } from "../adapters/dynamo/headline-search.js";
import { defaults } from "../config/settings.js";
import type { Source } from "../config/sources.js";
import { topics } from "../config/topics.js";
import { ValidationError } from "../core/errors.js";
import type { Headline } from "../core/feeds/headline.js";
import { loadStemmers, MAX_QUERY_LENGTH, matchesQuery, normalizeQuery, parseQuery, type Query } from "../core/query/index.js";
import { preparedFor } from "./prepared-cache.js";

/** Headlines read from DynamoDB at most per request while a query filters them in memory. */
export const DEFAULT_MAX_SCAN = 1000;

// Date only, or date and time with optional seconds, fraction and offset (no offset means UTC).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseInstant(value: string): Date | undefined {
  if (!ISO_8601.test(value)) return undefined;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) && value.includes("T");
  const normalized = value.replace(" ", "T");
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : hasZone ? normalized : `${normalized}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const instant = (name: string, description: string, example: string) =>
  z
    .string()
    .max(40, "must be an ISO 8601 date or time")
    .refine((v) => parseInstant(v) !== undefined, "must be an ISO 8601 date or time, e.g. 2026-11-30 or 2026-11-30T10:00:00+05:00")
    .optional()
    .openapi({ param: { name, in: "query" }, description, example });

/** The filters shared by GET /headlines and the feeds out (.rss, .atom, .json). */
export const HeadlineFilters = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .optional()
    .openapi({
      description:
        'Search in the query language shared with alerts: words are ANDed, "quoted phrase", OR, -exclude, (groups); every inflection of a Russian, Kazakh or English word matches; whole words only.',
      example: '"военная база" OR авиабаза',
    }),
  topic: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: "A curated topic id (GET /topics); its query is ANDed with q", example: "military-bases" }),
  lang: z
    .string()
    .regex(/^[a-z]{2}$/, "must be a two-letter language code such as ru, kk or en")
    .optional()
    .openapi({ example: "ru" }),
  source: z.string().min(1).max(64).optional().openapi({ example: "tengrinews-ru" }),
  since: instant("since", "Published at or after this time (ISO 8601; without an offset, UTC)", "2026-11-30T00:00:00+05:00"),
  until: instant("until", "Published before this time (ISO 8601; without an offset, UTC)", "2026-12-01"),
  group: z
    .enum(["story"], { error: 'must be "story"' })
    .optional()
    .openapi({ description: "story: one entry per story, the other sources listed in alsoIn" }),
  limit: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(defaults.maxPageSize, `must be at most ${defaults.maxPageSize}`)
    .default(defaults.pageSize)
    .openapi({ example: 20 }),
  cursor: z.string().min(1).max(2048).optional().openapi({ description: "nextCursor of the previous page (same filters)" }),
});

export type HeadlineFilterInput = z.infer<typeof HeadlineFilters>;

/** Turns validated query parameters into a search: unknown source/topic and bad ranges are 400s. */
export function toSearchRequest(f: HeadlineFilterInput, sources: readonly Source[], maxScan = DEFAULT_MAX_SCAN): SearchRequest {
  if (f.source && !sources.some((s) => s.id === f.source)) {
    throw new ValidationError("source", `unknown source "${f.source}"; GET /sources lists them`);
  }
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

  const filterKey = JSON.stringify([queries.map(normalizeQuery), f.lang, f.source, since, until, f.group]);
  const match =
    queries.length === 0
      ? undefined
      : (h: Headline) => {
          const doc = preparedFor(h);
          return queries.every((q) => matchesQuery(q, doc));
        };
  return {
    lang: f.lang,
    source: f.source,
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
