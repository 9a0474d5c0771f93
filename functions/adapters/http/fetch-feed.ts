import { FeedError, err, ok, type Result } from "../../core/errors.js";

export interface FetchOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
}

export interface FetchedFeed {
  /** Final URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
}

export type FetchFeed = (url: string, opts: FetchOptions) => Promise<Result<FetchedFeed, FeedError>>;

const USER_AGENT = "dabyl/0.1 (+https://github.com/dabyl; news and FX alerts for Kazakhstan)";

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Reads a body up to `max` bytes (after decompression); stops the transfer beyond it. */
async function readCapped(res: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get("content-length"));
  if (res.headers.get("content-encoding") === null && Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > max) {
      await res.body.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function describeNetworkError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `timeout after ${Math.round(timeoutMs / 1000)} s`;
  const code = err.cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET") return "connection reset by the server";
  if (code && code.startsWith("UND_ERR_CONNECT_TIMEOUT")) return `connect timeout`;
  if (code && /CERT|SSL|TLS/.test(code)) return `TLS error: ${code}`;
  return `network error: ${err.cause?.message ?? err.message ?? String(e)}`;
}

/** GETs a feed with a total timeout, a size cap and a bounded number of redirects. */
export const fetchFeed: FetchFeed = async (url, opts) => {
  const maxRedirects = opts.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, {
        redirect: "manual",
        signal,
        headers: {
          "user-agent": opts.userAgent ?? USER_AGENT,
          accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
          "accept-encoding": "gzip, deflate, br",
        },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.has("location")) {
        await res.body?.cancel();
        if (hop >= maxRedirects) return err(new FeedError("too_many_redirects", `too many redirects (over ${maxRedirects})`));
        current = new URL(res.headers.get("location")!, current).toString();
        continue;
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        return err(new FeedError("http_status", `HTTP ${res.status}`));
      }
      const body = await readCapped(res, opts.maxBytes);
      if (!body) return err(new FeedError("too_large", `too large: over ${mb(opts.maxBytes)}`));
      return ok({ url: current, status: res.status, contentType: res.headers.get("content-type") ?? undefined, body });
    }
  } catch (e) {
    return err(new FeedError("network", describeNetworkError(e, opts.timeoutMs), { cause: e }));
  }
};
