import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { ok, err, type FeedError, type Result } from "../../core/errors.js";
import { FetchError, duration, megabytes, parseRetryAfter, seconds } from "../../core/feeds/fetch-error.js";
import { BodyTooLarge, UnsupportedEncoding, readBody } from "./read-body.js";

export interface FetchOptions {
  /** Total time for the whole fetch, redirects and body included. */
  readonly timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  readonly maxBytes: number;
  /** Time to resolve the host and open the TCP connection (default: the total timeout). */
  readonly connectTimeoutMs?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** Validators of the last body read in full; a 304 answer then comes back as notModified. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export interface FetchedFeed {
  /** Final URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
  /** The server answered 304: nothing changed since the validators sent. body is empty. */
  readonly notModified?: boolean;
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchFeed = (url: string, opts: FetchOptions) => Promise<Result<FetchedFeed, FeedError>>;

export const USER_AGENT = "dabyl/0.1 (+https://github.com/dabyl/dabyl; Kazakhstan news and FX alerts)";
const ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const STATUS_WORDS: Record<number, string> = { 429: "too many requests", 503: "service unavailable" };

// No keep-alive: each poll touches a host once per cycle, and idle sockets would hold Lambda and tests open.
const agents = { "http:": new http.Agent({ keepAlive: false }), "https:": new https.Agent({ keepAlive: false }) };

class ConnectTimeout extends Error {}
class TotalTimeout extends Error {}

function describeNetworkError(e: unknown, opts: FetchOptions): string {
  if (e instanceof TotalTimeout) return `timeout after ${seconds(opts.timeoutMs)}`;
  if (e instanceof ConnectTimeout) return `connect timeout after ${seconds(opts.connectTimeoutMs ?? opts.timeoutMs)}`;
  const code = (e as { code?: string }).code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "EPIPE") return "connection reset by the server";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "host unreachable";
  if (code.startsWith("HPE_")) return "invalid HTTP response";
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return `TLS error: ${code}`;
  if (code === "Z_DATA_ERROR" || code === "ERR__ERROR_FORMAT_PADDING_1") return "corrupt compressed body";
  return `network error: ${(e as Error).message ?? String(e)}`;
}

export interface FetchTuning {
  /** DNS lookup override (tests use one that never answers to exercise the connect timeout). */
  readonly lookup?: LookupFunction;
  readonly now?: () => Date;
}

/** Builds a FetchFeed; `fetchFeed` below is the one the runtime uses. */
export function makeFetchFeed(tuning: FetchTuning = {}): FetchFeed {
  return async (url, opts) => {
    const maxRedirects = opts.maxRedirects ?? 5;
    const connectMs = opts.connectTimeoutMs ?? opts.timeoutMs;
    const headers: Record<string, string> = {
      "user-agent": opts.userAgent ?? USER_AGENT,
      accept: ACCEPT,
      "accept-encoding": "gzip, deflate, br",
      ...(opts.etag ? { "if-none-match": opts.etag } : {}),
      ...(opts.lastModified ? { "if-modified-since": opts.lastModified } : {}),
    };
    let live: http.ClientRequest | IncomingMessage | undefined;
    let timedOut = false;
    const total = setTimeout(() => {
      timedOut = true;
      live?.destroy(new TotalTimeout());
    }, opts.timeoutMs);

    const get = (target: URL) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        const req = (target.protocol === "https:" ? https : http).request(target, {
          method: "GET",
          headers,
          agent: agents[target.protocol as "http:" | "https:"],
          ...(tuning.lookup ? { lookup: tuning.lookup } : {}),
        });
        live = req;
        req.on("socket", (socket) => {
          if (!socket.connecting) return;
          const timer = setTimeout(() => req.destroy(new ConnectTimeout()), connectMs);
          socket.once("connect", () => clearTimeout(timer));
          req.once("close", () => clearTimeout(timer));
        });
        req.on("response", (res) => {
          live = res;
          resolve(res);
        });
        req.on("error", reject);
        req.end();
      });

    try {
      let current = new URL(url);
      for (let hop = 0; ; hop++) {
        if (current.protocol !== "http:" && current.protocol !== "https:") {
          return err(new FetchError("bad_redirect", `redirected to a non-HTTP address (${current.protocol})`));
        }
        if (timedOut) throw new TotalTimeout();
        const res = await get(current);
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (REDIRECTS.has(status) && location) {
          res.destroy();
          if (hop >= maxRedirects) return err(new FetchError("too_many_redirects", `too many redirects (over ${maxRedirects})`));
          current = new URL(location, current);
          continue;
        }
        const header = (name: string) => {
          const v = res.headers[name];
          return typeof v === "string" ? v : undefined;
        };
        const validators = { etag: header("etag"), lastModified: header("last-modified") };
        if (status === 304) {
          res.destroy();
          return ok({ url: current.toString(), status, contentType: undefined, body: new Uint8Array(), notModified: true, ...validators });
        }
        if (status < 200 || status > 299 || status === 204) {
          res.destroy();
          const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header("retry-after"), (tuning.now ?? (() => new Date()))()) : undefined;
          const words = STATUS_WORDS[status];
          const message = `HTTP ${status}${words ? ` (${words})` : ""}${retryAfterMs !== undefined ? `, retry after ${duration(retryAfterMs)}` : ""}`;
          return err(new FetchError("http_status", message, { ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }));
        }
        try {
          const body = await readBody(res, opts.maxBytes);
          return ok({ url: current.toString(), status, contentType: header("content-type"), body, ...validators });
        } catch (e) {
          if (e instanceof BodyTooLarge) return err(new FetchError("too_large", `too large: over ${megabytes(opts.maxBytes)}`));
          if (e instanceof UnsupportedEncoding) return err(new FetchError("bad_encoding", e.message));
          throw e;
        }
      }
    } catch (e) {
      return err(new FetchError(timedOut ? "timeout" : "network", describeNetworkError(timedOut ? new TotalTimeout() : e, opts), { cause: e }));
    } finally {
      clearTimeout(total);
      live?.destroy();
    }
  };
}

/** GETs a feed: connect and total timeouts, a decompressed-size cap, at most 5 redirects, conditional GET. */
export const fetchFeed: FetchFeed = makeFetchFeed();
