import { createHash } from "node:crypto";
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import { tableSchema, type IndexSchema } from "../../config/table.js";
import { ValidationError } from "../../core/errors.js";
import type { Headline } from "../../core/feeds/headline.js";

export interface SearchRequest {
  readonly lang?: string | undefined;
  readonly source?: string | undefined;
  /** Inclusive lower bound, ISO 8601 UTC as Date#toISOString writes it. */
  readonly since?: string | undefined;
  /** Exclusive upper bound, same form. */
  readonly until?: string | undefined;
  /** Entries per page (distinct units, see unitOf). */
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** Describes every filter; a cursor made under other filters is refused instead of serving a wrong page. */
  readonly filterKey: string;
  /** In-memory filter (the query language); absent means every headline in the key range. */
  readonly match?: ((h: Headline) => boolean) | undefined;
  /** Headlines with the same unit (e.g. storyId) count once toward limit; default is the id. */
  readonly unitOf?: ((h: Headline) => string) | undefined;
  /** Most headlines read from DynamoDB per request when filtering in memory. */
  readonly maxScan: number;
}

export interface SearchPage {
  /** Matching headlines, newest first (publishedAt desc, then id desc). */
  readonly items: Headline[];
  readonly nextCursor: string | null;
  /** Headlines read from DynamoDB for this page. */
  readonly examined: number;
  /** True when maxScan stopped the scan before the page filled: follow nextCursor to search further back. */
  readonly scanLimitReached: boolean;
  /** publishedAt of the oldest headline read; what this page has searched back to. */
  readonly oldestExamined: string | null;
}

export interface HeadlineSearch {
  /** Walks a newest-first index inside [since, until), filtering in memory, reading at most maxScan items. */
  search(req: SearchRequest): Promise<SearchPage>;
}

type Key = Record<string, string>;
// One DynamoDB page of headlines (about 1 KB each) stays well under the 1 MB page cap.
const BATCH = 200;

/** Drops key attributes only; the API projects onto its documented schema, so fields ingestion adds flow through. */
function toHeadline(item: Record<string, unknown>): Headline {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!isKey(k)) out[k] = v;
  return out as unknown as Headline;
}

const isKey = (k: string) => k === "pk" || k === "sk" || /^gsi\d+(pk|sk)$/.test(k);

function pickIndex(req: SearchRequest): { ix: IndexSchema; value: string } {
  const [all, bySource, byLang] = tableSchema.globalIndexes;
  if (req.source) return { ix: bySource, value: `SRC#${req.source}` };
  if (req.lang) return { ix: byLang, value: `LANG#${req.lang}` };
  return { ix: all, value: "HL" };
}

const fingerprint = (filterKey: string) => createHash("sha256").update(filterKey).digest("base64url").slice(0, 12);

function encode(index: string, filterKey: string, key: Key): string {
  return Buffer.from(JSON.stringify({ i: index, f: fingerprint(filterKey), k: key })).toString("base64url");
}

function decode(cursor: string, index: string, filterKey: string, keyNames: readonly string[]): Key {
  const invalid = () =>
    new ValidationError("cursor", "cursor is not valid here: pass the nextCursor of a previous response with the same filters");
  let d: { i?: unknown; f?: unknown; k?: unknown };
  try {
    d = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as typeof d;
  } catch {
    throw invalid();
  }
  if (!d || typeof d !== "object" || d.i !== index || d.f !== fingerprint(filterKey) || typeof d.k !== "object" || d.k === null) {
    throw invalid();
  }
  const k = d.k as Record<string, unknown>;
  const names = Object.keys(k).sort();
  if (names.join() !== [...keyNames].sort().join() || names.some((n) => typeof k[n] !== "string")) throw invalid();
  return k as Key;
}

/** Sort keys are `<publishedAt>#<id>`: bare ISO strings bound them, since a '#' suffix sorts after the bare time. */
function rangeCondition(req: SearchRequest): { expr: string; values: Record<string, string> } {
  if (req.since && req.until) return { expr: " AND #r BETWEEN :since AND :until", values: { ":since": req.since, ":until": req.until } };
  if (req.since) return { expr: " AND #r >= :since", values: { ":since": req.since } };
  if (req.until) return { expr: " AND #r < :until", values: { ":until": req.until } };
  return { expr: "", values: {} };
}

export function makeHeadlineSearch(doc: DynamoDBDocumentClient, tableName: string): HeadlineSearch {
  return {
    async search(req) {
      const { ix, value } = pickIndex(req);
      const keyNames = [ix.hashKey, ix.rangeKey, tableSchema.hashKey, tableSchema.rangeKey];
      const keyOf = (item: Record<string, unknown>): Key => Object.fromEntries(keyNames.map((k) => [k, String(item[k])]));
      // The source index does not know languages, so source+lang filters in memory too.
      const langFilter = req.source && req.lang ? req.lang : undefined;
      const accepts = (h: Headline) => (!langFilter || h.lang === langFilter) && (!req.match || req.match(h));
      const filtering = Boolean(langFilter || req.match || req.unitOf);
      const range = rangeCondition(req);

      let startKey: Key | undefined = req.cursor ? decode(req.cursor, ix.name, req.filterKey, keyNames) : undefined;
      const items: Headline[] = [];
      const units = new Set<string>();
      let examined = 0;
      let lastKey: Key | undefined;
      let oldest: string | null = null;
      const page = (nextKey: Key | undefined, scanLimitReached: boolean): SearchPage => ({
        items,
        nextCursor: nextKey ? encode(ix.name, req.filterKey, nextKey) : null,
        examined,
        scanLimitReached,
        oldestExamined: oldest,
      });

      for (;;) {
        // Unfiltered pages need exactly limit+1 items (the extra one says whether a next page exists).
        const want = filtering ? Math.min(BATCH, req.maxScan - examined) : req.limit + 1 - examined;
        const res: QueryCommandOutput = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: ix.name,
            KeyConditionExpression: `#h = :h${range.expr}`,
            ExpressionAttributeNames: { "#h": ix.hashKey, ...(range.expr ? { "#r": ix.rangeKey } : {}) },
            ExpressionAttributeValues: { ":h": value, ...range.values },
            ScanIndexForward: false,
            Limit: Math.max(1, want),
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        for (const raw of res.Items ?? []) {
          const h = toHeadline(raw);
          if (accepts(h)) {
            const unit = req.unitOf ? req.unitOf(h) : h.id;
            if (!units.has(unit)) {
              // A further entry exists: this page ends just before it.
              if (units.size >= req.limit) return page(lastKey, false);
              units.add(unit);
            }
            items.push(h);
          }
          examined++;
          lastKey = keyOf(raw);
          oldest = h.publishedAt;
        }
        startKey = res.LastEvaluatedKey as Key | undefined;
        if (!startKey) return page(undefined, false);
        if (filtering && examined >= req.maxScan) return page(lastKey, true);
      }
    },
  };
}
