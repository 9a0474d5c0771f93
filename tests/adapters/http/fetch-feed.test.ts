import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFeed, makeFetchFeed, type FetchOptions } from "../../../functions/adapters/http/fetch-feed.js";
import { FetchError } from "../../../functions/core/feeds/fetch-error.js";
import { startFeedServer, type FeedServer } from "./feed-server.js";

const feed = readFileSync(new URL("../../fixtures/feeds/rss2-basic.xml", import.meta.url));
const opts: FetchOptions = { timeoutMs: 2000, maxBytes: 1024 * 1024 };
let srv: FeedServer;

beforeAll(async () => {
  srv = await startFeedServer();
  srv.route("/feed.xml", (req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed));
  const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024)); // 50 MB of zeros in about 50 KB
  srv.route("/gzip-bomb.xml", (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(bomb));
  const brBomb = zlib.brotliCompressSync(Buffer.alloc(50 * 1024 * 1024));
  srv.route("/br-bomb.xml", (_req, res) => res.writeHead(200, { "content-encoding": "br" }).end(brBomb));
  const deflated = zlib.deflateSync(Buffer.alloc(50 * 1024 * 1024));
  srv.route("/deflate-bomb.xml", (_req, res) => res.writeHead(200, { "content-encoding": "deflate" }).end(deflated));
  srv.route("/gzip.xml", (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync(feed)));
  srv.route("/br.xml", (_req, res) => res.writeHead(200, { "content-encoding": "br" }).end(zlib.brotliCompressSync(feed)));
  srv.route("/big.xml", (_req, res) => res.writeHead(200, { "content-length": String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024, 32)));
  srv.route("/big-chunked.xml", (_req, res) => {
    res.writeHead(200);
    for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 32));
    res.end();
  });
  srv.route("/slow.xml", (_req, res) => {
    res.writeHead(200);
    res.write("<rss>"); // then nothing: the body never finishes
  });
  srv.route("/silent.xml", () => {}); // never answers at all
  srv.route("/loop", (_req, res) => res.writeHead(302, { location: "/loop" }).end());
  for (let i = 1; i <= 5; i++) srv.route(`/hop${i}`, (_req, res) => res.writeHead(301, { location: i === 5 ? "/feed.xml" : `/hop${i + 1}` }).end());
  srv.route("/to-ftp", (_req, res) => res.writeHead(302, { location: "ftp://example.kz/feed" }).end());
  srv.route("/etag.xml", (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { etag: '"v1"', "last-modified": "Mon, 30 Nov 2026 09:00:00 GMT", "content-type": "text/xml" }).end(feed);
  });
  srv.route("/since.xml", (req, res) => {
    if (req.headers["if-modified-since"] === "Mon, 30 Nov 2026 09:00:00 GMT") return res.writeHead(304).end();
    res.writeHead(200, { "last-modified": "Mon, 30 Nov 2026 09:00:00 GMT" }).end(feed);
  });
  srv.route("/429", (_req, res) => res.writeHead(429, { "retry-after": "120" }).end());
  srv.route("/503", (_req, res) => res.writeHead(503, { "retry-after": "Mon, 30 Nov 2026 11:00:00 GMT" }).end());
  srv.route("/500", (_req, res) => res.writeHead(500).end("oops"));
  srv.route("/weird-encoding", (_req, res) => res.writeHead(200, { "content-encoding": "compress" }).end("x"));
});
afterAll(() => srv.close());

const fail = async (path: string, o: Partial<FetchOptions> = {}, f = fetchFeed) => {
  const r = await f(`${srv.url}${path}`, { ...opts, ...o });
  if (r.ok) throw new Error(`expected ${path} to fail`);
  return r.error as FetchError;
};

describe("fetchFeed over loopback HTTP", () => {
  it("gets a feed, naming dabyl in the User-Agent and asking for compression", async () => {
    const r = await fetchFeed(`${srv.url}/feed.xml`, opts);
    expect(r.ok && Buffer.from(r.value.body).equals(feed)).toBe(true);
    const req = srv.requests.at(-1)!;
    expect(req.headers["user-agent"]).toMatch(/^dabyl\//);
    expect(req.headers["accept-encoding"]).toMatch(/gzip.*br/);
  });

  it.each(["/gzip.xml", "/br.xml"])("decompresses %s", async (path) => {
    const r = await fetchFeed(`${srv.url}${path}`, opts);
    expect(r.ok && Buffer.from(r.value.body).equals(feed)).toBe(true);
  });

  it.each(["/gzip-bomb.xml", "/br-bomb.xml", "/deflate-bomb.xml"])("stops %s at the cap, counted after decompression", async (path) => {
    const before = process.memoryUsage().rss;
    const e = await fail(path);
    expect(e.message).toBe("too large: over 1 MB");
    // 50 MB of output was never held: the process grew by far less than the bomb's size.
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it.each(["/big.xml", "/big-chunked.xml"])("refuses %s over the cap, declared or not", async (path) => {
    expect((await fail(path)).message).toBe("too large: over 1 MB");
  });

  it.each([
    ["a body that never finishes", "/slow.xml"],
    ["a server that never answers", "/silent.xml"],
  ])("times out on %s", async (_why, path) => {
    const t0 = performance.now();
    const e = await fail(path, { timeoutMs: 300 });
    expect(e.message).toBe("timeout after 0.3 s");
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it("has a connect timeout separate from the total", async () => {
    const hanging = makeFetchFeed({ lookup: () => {} }); // a resolver that never answers, like a dead DNS server
    // A host name, not an IP: Node only asks the resolver for names.
    const r = await hanging(`${srv.url.replace("127.0.0.1", "localhost")}/feed.xml`, { ...opts, connectTimeoutMs: 200, timeoutMs: 5000 });
    const e = !r.ok ? r.error : undefined;
    expect(e?.message).toBe("connect timeout after 0.2 s");
  });

  it("follows up to 5 redirects and reports the final URL", async () => {
    const r = await fetchFeed(`${srv.url}/hop1`, opts);
    expect(r.ok && r.value.url).toBe(`${srv.url}/feed.xml`);
  });

  it.each([
    ["a redirect loop", "/loop", {}, "too many redirects (over 5)"],
    ["a chain longer than allowed", "/hop1", { maxRedirects: 3 }, "too many redirects (over 3)"],
    ["a redirect away from HTTP", "/to-ftp", {}, "redirected to a non-HTTP address (ftp:)"],
    ["HTTP 500", "/500", {}, "HTTP 500"],
    ["HTTP 404", "/nothing-here", {}, "HTTP 404"],
    ["an unknown Content-Encoding", "/weird-encoding", {}, 'unsupported Content-Encoding "compress"'],
  ])("fails on %s with a clear message", async (_why, path, o, message) => {
    expect((await fail(path, o)).message).toBe(message);
  });

  it("reports a refused connection", async () => {
    const r = await fetchFeed("http://127.0.0.1:1/feed.xml", opts);
    expect(!r.ok && r.error.message).toBe("connection refused");
  });

  it("sends If-None-Match and reads a 304 as not modified", async () => {
    const first = await fetchFeed(`${srv.url}/etag.xml`, opts);
    expect(first.ok && first.value).toMatchObject({ etag: '"v1"', lastModified: "Mon, 30 Nov 2026 09:00:00 GMT", status: 200 });
    const again = await fetchFeed(`${srv.url}/etag.xml`, { ...opts, etag: '"v1"' });
    expect(again.ok && again.value).toMatchObject({ notModified: true, status: 304 });
    expect(again.ok && again.value.body.byteLength).toBe(0);
  });

  it("sends If-Modified-Since", async () => {
    const r = await fetchFeed(`${srv.url}/since.xml`, { ...opts, lastModified: "Mon, 30 Nov 2026 09:00:00 GMT" });
    expect(r.ok && r.value.notModified).toBe(true);
  });

  it.each([
    ["/429", 120_000, "HTTP 429 (too many requests), retry after 2 min"],
    ["/503", 3_600_000, "HTTP 503 (service unavailable), retry after 60 min"],
  ])("reads Retry-After on %s", async (path, ms, message) => {
    const f = makeFetchFeed({ now: () => new Date("2026-11-30T10:00:00Z") });
    const e = await fail(path, {}, f);
    expect(e).toBeInstanceOf(FetchError);
    expect(e.retryAfterMs).toBe(ms);
    expect(e.message).toBe(message);
  });
});
