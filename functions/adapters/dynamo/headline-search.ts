import { createHash } from "node:crypto";
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import { tableSchema, type IndexSchema } from "../../config/table.js";
import { ValidationError } from "../../core/errors.js";
import type { Headline } from "../../core/feeds/headline.js";

export interface SearchRequest {
  /** Source ids; several are read as one newest-first stream (one index query each, merged). */
  readonly sources?: readonly string[] | undefined;
  /** Language codes; with sources they filter in memory, alone they pick the language index. */
  readonly langs?: readonly string[] | undefined;
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

type Key = Record<string, unknown>;
type Item = Record<string, unknown>;
// One DynamoDB page of headlines (about 1 KB each) stays well under the 1 MB page cap.
const BATCH = 200;
// The index sort key the store writes: `<publishedAt as toISOString writes it>#<headline id>`.
const SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[^#\s]{1,128}$/;

/** Drops key attributes only; the API projects onto its documented schema, so fields ingestion adds flow through. */
function toHeadline(item: Item): Headline {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!isKey(k)) out[k] = v;
  return out as unknown as Headline;
}

const isKey = (k: string) => k === "pk" || k === "sk" || /^gsi\d+(pk|sk)$/.test(k);

function pickIndex(req: SearchRequest): { ix: IndexSchema; values: string[] } {
  const [all, bySource, byLang] = tableSchema.globalIndexes;
  if (req.sources?.length) return { ix: bySource, values: req.sources.map((s) => `SRC#${s}`) };
  if (req.langs?.length) return { ix: byLang, values: req.langs.map((l) => `LANG#${l}`) };
  return { ix: all, values: ["HL"] };
}

const fingerprint = (filterKey: string) => createHash("sha256").update(filterKey).digest("base64url").slice(0, 12);

/**
 * A cursor is the index sort key of the last headline served, not a DynamoDB key: every partition of a
 * merged search continues below it, and a forged one can at worst start a page at another time. It is
 * still checked completely (filters, shape, inside [since, until)), so DynamoDB never sees a bound it
 * would refuse and every bad cursor is a 400.
 */
function encode(filterKey: string, sortKey: string): string {
  return Buffer.from(JSON.stringify({ f: fingerprint(filterKey), a: sortKey })).toString("base64url");
}

function decode(cursor: string, req: SearchRequest): string {
  const invalid = () =>
    new ValidationError("cursor", "cursor is not valid here: pass the nextCursor of a previous response with the same filters");
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let d: unknown;
  try {
    d = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!d || typeof d !== "object" || Array.isArray(d)) throw invalid();
  const { f, a } = d as { f?: unknown; a?: unknown };
  if (f !== fingerprint(req.filterKey) || typeof a !== "string" || !SORT_KEY.test(a)) throw invalid();
  // Bare bounds compare below any `<same time>#id`, so a real cursor is always strictly inside them.
  if ((req.since && a <= req.since) || (req.until && a >= req.until)) throw invalid();
  return a;
}

/** Sort keys are `<publishedAt>#<id>`: bare ISO strings bound them, since a '#' suffix sorts after the bare time. */
function rangeCondition(req: SearchRequest, after: string | undefined): { expr: string; values: Record<string, string> } {
  // Below the cursor; BETWEEN includes its upper bound, so the cursor's own item is skipped when read.
  const upper = after ?? req.until;
  if (req.since && upper) return { expr: " AND #r BETWEEN :since AND :upper", values: { ":since": req.since, ":upper": upper } };
  if (req.since) return { expr: " AND #r >= :since", values: { ":since": req.since } };
  if (upper) return { expr: " AND #r < :upper", values: { ":upper": upper } };
  return { expr: "", values: {} };
}

interface Stream {
  readonly value: string;
  buf: Item[];
  next: Key | undefined;
  done: boolean;
}

export function makeHeadlineSearch(doc: DynamoDBDocumentClient, tableName: string): HeadlineSearch {
  return {
    async search(req) {
      const { ix, values } = pickIndex(req);
      const after = req.cursor ? decode(req.cursor, req) : undefined;
      const sortKeyOf = (item: Item) => String(item[ix.rangeKey]);
      // The source index does not know languages, so source+lang filters in memory too.
      const langFilter = req.sources?.length && req.langs?.length ? new Set(req.langs) : undefined;
      const accepts = (h: Headline) => (!langFilter || langFilter.has(h.lang)) && (!req.match || req.match(h));
      const filtering = Boolean(langFilter || req.match || req.unitOf);
      const range = rangeCondition(req, after);

      const streams: Stream[] = values.map((value) => ({ value, buf: [], next: undefined, done: false }));
      const items: Headline[] = [];
      const units = new Set<string>();
      let examined = 0;
      let lastSortKey: string | undefined;
      let oldest: string | null = null;
      const page = (more: boolean, scanLimitReached: boolean): SearchPage => ({
        items,
        nextCursor: more && lastSortKey ? encode(req.filterKey, lastSortKey) : null,
        examined,
        scanLimitReached,
        oldestExamined: oldest,
      });

      /** Reads until the stream has something buffered or is exhausted. */
      async function fill(s: Stream): Promise<void> {
        while (s.buf.length === 0 && !s.done) {
          // Unfiltered pages need exactly limit+1 items (the extra one says whether a next page exists).
          const want = filtering ? Math.min(BATCH, req.maxScan - examined) : req.limit + 1 - examined;
          const res: QueryCommandOutput = await doc.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: ix.name,
              KeyConditionExpression: `#h = :h${range.expr}`,
              ExpressionAttributeNames: { "#h": ix.hashKey, ...(range.expr ? { "#r": ix.rangeKey } : {}) },
              ExpressionAttributeValues: { ":h": s.value, ...range.values },
              ScanIndexForward: false,
              Limit: Math.max(1, want),
              ...(s.next ? { ExclusiveStartKey: s.next } : {}),
            }),
          );
          s.buf = (res.Items ?? []).filter((raw) => !after || sortKeyOf(raw) < after);
          s.next = res.LastEvaluatedKey;
          s.done = !s.next;
        }
      }

      for (;;) {
        await Promise.all(streams.map(fill));
        // The newest head among the partitions comes next: sort keys are unique, so the merge is a total order.
        let from: Stream | undefined;
        for (const s of streams) if (s.buf[0] && (!from || sortKeyOf(s.buf[0]) > sortKeyOf(from.buf[0] as Item))) from = s;
        if (!from) return page(false, false);
        const raw = from.buf.shift() as Item;
        const h = toHeadline(raw);
        if (accepts(h)) {
          const unit = req.unitOf ? req.unitOf(h) : h.id;
          if (!units.has(unit)) {
            // A further entry exists: this page ends just before it.
            if (units.size >= req.limit) return page(true, false);
            units.add(unit);
          }
          items.push(h);
        }
        examined++;
        lastSortKey = sortKeyOf(raw);
        oldest = h.publishedAt;
        if (filtering && examined >= req.maxScan) {
          const more = streams.some((s) => s.buf.length > 0 || !s.done);
          if (more) return page(true, true);
        }
      }
    },
  };
}
