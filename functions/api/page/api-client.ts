/**
 * The page reads and writes through the API's own routes (app.fetch, no network): what it shows is
 * exactly what GET /fx/latest, GET /headlines and POST /alerts answer, error messages included.
 */
import type { HeadlineListItem } from "../headline-schemas.js";
import { DEFAULT_SYMBOLS, type FxLatestView } from "../fx-view.js";

/** One in-process API call; the path includes the query string. */
export type ApiFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface ProblemBody {
  readonly status: number;
  readonly detail: string;
  readonly invalidParams?: readonly { readonly name: string; readonly reason: string }[];
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly problem: ProblemBody | null; readonly retryAfter: number | null };

export interface HeadlinePage {
  readonly items: readonly HeadlineListItem[];
  readonly nextCursor: string | null;
  readonly scan: { readonly examined: number; readonly limitReached: boolean; readonly oldestExamined: string | null };
}

export interface AlertCreated {
  readonly id: string;
  readonly status: string;
  readonly manageToken: string;
  readonly manageUrl?: string;
}

/** The news filters a reader can set on the page (empty strings already dropped). */
export interface NewsParams {
  readonly q?: string;
  readonly source?: string;
  readonly lang?: string;
  readonly cursor?: string;
}

export const PAGE_SIZE = 20;
/** GET /fx/latest's default symbols, which are the ticker's. */
export const TICKER_CODES = DEFAULT_SYMBOLS;

async function call<T>(api: ApiFetch, path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await api(path, init);
  } catch {
    return { ok: false, status: 500, problem: null, retryAfter: null };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, value: body as T };
  const retry = Number(res.headers.get("retry-after"));
  const problem = body !== null && typeof body === "object" && typeof (body as ProblemBody).detail === "string" ? (body as ProblemBody) : null;
  return { ok: false, status: res.status, problem, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null };
}

export function loadFx(api: ApiFetch): Promise<ApiResult<FxLatestView>> {
  // No ?symbols=: the defaults are the ticker's four, and a code the store lacks is then simply absent (shown
  // as a dash) instead of making the whole answer a 400.
  return call(api, "/fx/latest");
}

export function loadHeadlines(api: ApiFetch, p: NewsParams): Promise<ApiResult<HeadlinePage>> {
  const qs = new URLSearchParams({ limit: String(PAGE_SIZE), group: "story" });
  for (const key of ["q", "source", "lang", "cursor"] as const) {
    const v = p[key];
    if (v !== undefined) qs.set(key, v);
  }
  return call(api, `/headlines?${qs}`);
}

/** What the sign-up form sends: POST /alerts's JSON contract, nothing more. */
export interface AlertRequest {
  readonly query?: string;
  readonly topic?: string;
  readonly channel: string;
  readonly address: string;
  /** The page's language: messages are worded in it. */
  readonly lang?: string;
}

export function createAlert(api: ApiFetch, r: AlertRequest): Promise<ApiResult<AlertCreated>> {
  return call(api, "/alerts", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ ...r, frequency: "instant" }),
  });
}
