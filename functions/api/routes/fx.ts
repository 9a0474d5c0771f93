import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { FxStore } from "../../adapters/dynamo/fx-store.js";
import type { SourceStateStore } from "../../adapters/dynamo/source-state-store.js";
import type { Source } from "../../config/sources.js";
import { ValidationError } from "../../core/errors.js";
// The modules themselves, not core/fx/index.js: the API never parses NBK XML (fast-xml-parser).
import { almatyDate } from "../../core/fx/calendar-date.js";
import { crossHistory, fillHistory, type HistoryPoint } from "../../core/fx/fill-history.js";
import { parseDateRange } from "../../core/fx/parse-date-range.js";
import { parsePair } from "../../core/fx/parse-pair.js";
import type { IsoDate } from "../../core/fx/types.js";
import { cachedJson } from "../cached-json.js";
import { FxHistorySchema, FxLatestSchema } from "../fx-schemas.js";
import { latestView, parseSymbols } from "../fx-view.js";
import { problemResponses } from "../schemas.js";

export interface FxDeps {
  readonly fx: FxStore;
  readonly states: SourceStateStore;
  readonly sources: readonly Source[];
  /** The clock, for staleness and date defaults; tests pin it. */
  readonly now?: () => Date;
}

/** Latest rates change at most hourly; five minutes of caching keeps clients close to the poller. */
const LATEST_CACHE = "public, max-age=300";
/** A range ending before today can only change through a backfill; a day is fine. */
const CLOSED_HISTORY_CACHE = "public, max-age=86400";

const notModified = { 304: { description: "The client's copy (If-None-Match) is current" } } as const;

const latestRoute = createRoute({
  method: "get",
  path: "/fx/latest",
  summary: "Latest official NBK rates against KZT, and cross pairs through KZT",
  request: {
    query: z.object({
      symbols: z
        .string()
        .max(600)
        .optional()
        .openapi({ example: "USD,EUR,RUB,CNY", description: 'Codes (USD = USD/KZT), pairs (USD-RUB) or "all"; default USD,EUR,RUB,CNY' }),
    }),
  },
  responses: {
    200: { description: "Latest rates; stale says whether to trust them as current", content: { "application/json": { schema: FxLatestSchema } } },
    ...notModified,
    ...problemResponses,
  },
});

const historyRoute = createRoute({
  method: "get",
  path: "/fx/{pair}/history",
  summary: "Daily history of a pair; weekends and holidays carry the previous published rate",
  request: {
    params: z.object({ pair: z.string().max(16).openapi({ example: "USD-KZT", description: "BASE-QUOTE, e.g. USD-KZT or USD-RUB" }) }),
    query: z.object({
      from: z.string().max(32).optional().openapi({ example: "2026-11-01", description: "YYYY-MM-DD; default 29 days before to" }),
      to: z.string().max(32).optional().openapi({ example: "2026-11-30", description: "YYYY-MM-DD; default today (Asia/Almaty)" }),
    }),
  },
  responses: {
    200: { description: "One point per day, at most 366", content: { "application/json": { schema: FxHistorySchema } } },
    ...notModified,
    ...problemResponses,
  },
});

function knownCodes(latest: Record<string, unknown>, suspects: Record<string, unknown>): Set<string> {
  return new Set([...Object.keys(latest), ...Object.keys(suspects)]);
}

/** Whether the last fetch of the NBK feed worked; undefined when no NBK source has been polled. */
async function lastFetchOk(deps: FxDeps): Promise<boolean | undefined> {
  const states = await deps.states.all();
  const polled = deps.sources.filter((s) => s.kind === "nbk-rates").map((s) => states.get(s.id)).filter((s) => s !== undefined);
  if (polled.length === 0) return undefined;
  return polled.some((s) => s.consecutiveFailures === 0 && s.lastSuccessAt !== null);
}

export function registerFx(app: OpenAPIHono, deps: FxDeps) {
  const clock = deps.now ?? (() => new Date());

  app.openapi(latestRoute, async (c) => {
    const { symbols } = c.req.valid("query");
    const [stored, suspects, fetchOk] = await Promise.all([deps.fx.latest(), deps.fx.suspects(), lastFetchOk(deps)]);
    // Belt and braces: the poller never stores a non-positive rate, but one must never be served either.
    const latest = Object.fromEntries(Object.entries(stored).filter(([, r]) => Number.isFinite(r.rate) && r.rate > 0));
    const pairs = parseSymbols(symbols, new Set(Object.keys(latest)));
    return cachedJson(c, latestView(pairs, latest, suspects, clock(), fetchOk), LATEST_CACHE);
  });

  app.openapi(historyRoute, async (c) => {
    const { pair: text } = c.req.valid("param");
    const q = c.req.valid("query");
    const pair = parsePair(text, "pair");
    const [latest, suspects] = await Promise.all([deps.fx.latest(), deps.fx.suspects()]);
    const known = knownCodes(latest, suspects);
    for (const code of [pair.base, pair.quote]) {
      if (code !== "KZT" && known.size > 0 && !known.has(code)) {
        throw new ValidationError("pair", `unknown currency "${code}"; the National Bank publishes ${[...known].sort().join(", ")}`);
      }
    }
    const now = clock();
    // The NBK publishes tomorrow's rate the evening before, so "today" may be the latest rate's date.
    const newest = Object.values(latest).reduce((max, r) => (r.date > max ? r.date : max), almatyDate(now));
    const range = parseDateRange(q.from, q.to, newest);
    const leg = async (code: string): Promise<HistoryPoint[]> => {
      if (code === "KZT") return everyDay(range.from, range.to);
      return fillHistory(await deps.fx.history(code, range.from, range.to), range.from, range.to);
    };
    const [base, quote] = await Promise.all([leg(pair.base), leg(pair.quote)]);
    const points = pair.quote === "KZT" ? base : crossHistory(base, quote);
    const cache = range.to < almatyDate(now) ? CLOSED_HISTORY_CACHE : LATEST_CACHE;
    return cachedJson(c, { pair: pair.pair, points }, cache);
  });
}

/** KZT against itself: 1 on every day, never carried. */
function everyDay(from: IsoDate, to: IsoDate): HistoryPoint[] {
  return fillHistory([{ date: from, rate: 1 }], from, to).map((p) => ({ ...p, carried: false }));
}
