import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HeadlineStore } from "../../functions/adapters/dynamo/headline-store.js";
import { fetchFeed } from "../../functions/adapters/http/fetch-feed.js";
import { registerSources } from "../../functions/api/routes/sources.js";
import { feedPollSettings } from "../../functions/config/settings.js";
import type { Source } from "../../functions/config/sources.js";
import { silentLogger } from "../../functions/core/logger.js";
import { pollFeeds, type PollFeedsDeps } from "../../functions/jobs/poll-feeds.js";
import { startFeedServer, type FeedServer } from "../adapters/http/feed-server.js";
import { startTestDb, type TestDb } from "../helpers/local-dynamo.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const T0 = new Date("2026-11-30T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let db: TestDb;
let srv: FeedServer;
let clock: Date;
let saves: number;

beforeAll(async () => {
  srv = await startFeedServer();
});
afterAll(() => srv.close());
beforeEach(async () => {
  db = await startTestDb();
  clock = T0;
  saves = 0;
});
afterEach(() => db.close());

/** The real store, counting save() calls, so a test can prove that nothing was written. */
function countingStore(inner: HeadlineStore): HeadlineStore {
  return { ...inner, save: (items, o) => ((saves += 1), inner.save(items, o)) };
}

function deps(over: Partial<PollFeedsDeps["settings"]> = {}): PollFeedsDeps {
  return {
    fetchFeed,
    headlines: countingStore(db.stores.headlines),
    states: db.stores.states,
    log: silentLogger,
    now: () => clock,
    settings: { ...feedPollSettings, timeoutMs: 2000, maxBytes: 1024 * 1024, ...over },
  };
}

const src = (id: string, path: string, extra: Partial<Source> = {}): Source => ({ id, kind: "rss", url: `${srv.url}${path}`, ...extra });
const serve = (path: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  srv.route(path, (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml", ...headers }).end(body));

async function sourcesView(sources: Source[]) {
  const app = new OpenAPIHono();
  registerSources(app, { states: db.stores.states, sources });
  const res = await app.request("/sources");
  const body = (await res.json()) as { sources: Record<string, unknown>[] };
  return Object.fromEntries(body.sources.map((s) => [s.id as string, s]));
}

async function all() {
  return (await db.stores.search.search({ limit: 100, filterKey: "all", maxScan: 1000 })).items;
}

describe("pollFeeds against loopback feeds and dynalite", () => {
  it("stores good feeds and gives each bad one its own readable error, visible in GET /sources", async () => {
    serve("/good.xml", fixture("rss2-basic.xml"));
    serve("/cp1251.xml", fixture("win1251-no-charset-header.xml"), { "content-type": "text/xml" });
    serve("/html", fixture("html-page.html"), { "content-type": "text/html; charset=utf-8" });
    serve("/bomb.xml", zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024)), { "content-encoding": "gzip" });
    srv.route("/500", (_req, res) => res.writeHead(500).end());
    srv.route("/slow", (_req, res) => res.writeHead(200).write("<rss>"));
    srv.route("/loop", (_req, res) => res.writeHead(302, { location: "/loop" }).end());
    const sources = [
      src("good", "/good.xml"),
      src("cp1251", "/cp1251.xml"),
      src("html", "/html"),
      src("bomb", "/bomb.xml"),
      src("broken", "/500"),
      src("slow", "/slow", { timeoutSeconds: 1 }),
      src("loop", "/loop"),
    ];
    const t0 = performance.now();
    const reports = await pollFeeds(deps({ concurrency: 8 }), sources);
    // The slow source costs its own timeout, not a cycle's worth of waiting.
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(reports.filter((r) => r.ok).map((r) => r.sourceId).sort()).toEqual(["cp1251", "good"]);
    expect((await all()).map((h) => h.title)).toContain("Казахстан наращивает экспорт пшеницы глубокой переработки");

    const view = await sourcesView(sources);
    expect(view.good).toMatchObject({ status: "ok", lastError: null, itemCount: 2, nextPollAt: minutes(5).toISOString() });
    expect(view.html).toMatchObject({ status: "failing", lastError: "not a feed: got text/html" });
    expect(view.bomb).toMatchObject({ lastError: "too large: over 1 MB" });
    expect(view.broken).toMatchObject({ lastError: "HTTP 500", consecutiveFailures: 1 });
    expect(view.slow).toMatchObject({ lastError: "timeout after 1 s" });
    expect(view.loop).toMatchObject({ lastError: "too many redirects (over 5)" });
    for (const s of Object.values(view)) expect(typeof s.nextPollAt).toBe("string");
  });

  it("writes nothing when an unchanged feed is polled again, and nothing at all on 304", async () => {
    serve("/plain.xml", fixture("future-date.xml")); // undated and future-dated items must not look edited
    srv.route("/etag.xml", (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"' }).end(fixture("rss2-basic.xml"));
    });
    const sources = [src("plain", "/plain.xml"), src("etag", "/etag.xml")];
    const first = await pollFeeds(deps(), sources);
    expect(first.map((r) => r.inserted)).toEqual([3, 2]);
    const stored = await all();

    clock = minutes(5);
    saves = 0;
    const again = await pollFeeds(deps(), sources);
    expect(again.map((r) => [r.inserted, r.updated])).toEqual([[0, 0], [0, 0]]);
    expect(again[1]?.notModified).toBe(true);
    expect(saves).toBe(1); // the plain feed compared hashes; the 304 did not even reach the store
    expect(await all()).toEqual(stored);
    expect((await sourcesView(sources)).etag).toMatchObject({ status: "ok", itemCount: 2 });
  });

  it("updates an edited item in place instead of duplicating it", async () => {
    const v1 = fixture("rss2-basic.xml").toString();
    serve("/edit.xml", v1);
    await pollFeeds(deps(), [src("edit", "/edit.xml")]);
    serve("/edit.xml", v1.replace("Токаев совершит рабочую поездку в Давос", "Токаев прибыл в Давос"));
    clock = minutes(5);
    const [r] = await pollFeeds(deps(), [src("edit", "/edit.xml")]);
    expect(r).toMatchObject({ inserted: 0, updated: 1 });
    const titles = (await all()).map((h) => h.title).sort();
    expect(titles).toEqual(["Казахстан наращивает экспорт пшеницы глубокой переработки", "Токаев прибыл в Давос"]);
  });

  it("gives the same story from different sources one storyId, in one cycle and across cycles", async () => {
    const feed = (title: string, link: string, date: string) =>
      `<rss version="2.0"><channel><title>x</title><link>${link}</link><language>ru</language><item><title>${title}</title><link>${link}1</link><pubDate>${date}</pubDate></item></channel></rss>`;
    serve("/a.xml", feed("Нацбанк выпустил коллекционную монету «Недра Казахстана»", "https://a.kz/", "Mon, 30 Nov 2026 08:00:00 +0500"));
    serve("/b.xml", feed("НАЦБАНК выпустил коллекционную монету \"Недра Казахстана\"", "https://b.kz/", "Mon, 30 Nov 2026 09:00:00 +0500"));
    serve("/c.xml", feed("Токаев совершит рабочую поездку в Давос", "https://c.kz/", "Mon, 30 Nov 2026 09:00:00 +0500"));
    await pollFeeds(deps(), [src("a", "/a.xml"), src("b", "/b.xml"), src("c", "/c.xml")]);
    serve("/d.xml", feed("Нацбанк выпустил монету из серии «Недра Казахстана» коллекционную", "https://d.kz/", "Tue, 01 Dec 2026 09:00:00 +0500"));
    clock = minutes(60 * 24);
    await pollFeeds(deps(), [src("d", "/d.xml")]);
    const bySource = Object.fromEntries((await all()).map((h) => [h.source, h]));
    expect(bySource.b?.storyId).toBe(bySource.a?.storyId);
    expect(bySource.d?.storyId).toBe(bySource.a?.storyId);
    expect(bySource.c?.storyId).toBe(bySource.c?.id);
    expect(bySource.c?.storyId).not.toBe(bySource.a?.storyId);
  });

  it("skips a source answering 429 until its Retry-After, and keeps what it stored", async () => {
    let limited = false;
    srv.route("/limited.xml", (_req, res) => {
      if (limited) return res.writeHead(429, { "retry-after": "3600" }).end();
      res.writeHead(200).end(fixture("rss2-basic.xml"));
    });
    const sources = [src("limited", "/limited.xml")];
    await pollFeeds(deps(), sources);
    limited = true;
    clock = minutes(5);
    const [r] = await pollFeeds(deps(), sources);
    expect(r?.error).toMatch(/^HTTP 429 \(too many requests\), retry after/);
    const hits = srv.requests.filter((q) => q.url === "/limited.xml").length;

    clock = minutes(30);
    const [held] = await pollFeeds(deps(), sources);
    expect(held).toMatchObject({ held: true, nextPollAt: minutes(65).toISOString() });
    expect(srv.requests.filter((q) => q.url === "/limited.xml").length).toBe(hits);
    expect((await sourcesView(sources)).limited).toMatchObject({ status: "failing", nextPollAt: minutes(65).toISOString(), itemCount: 2 });
    expect(await all()).toHaveLength(2);

    limited = false;
    clock = minutes(65);
    expect((await pollFeeds(deps(), sources))[0]).toMatchObject({ ok: true });
  });

  it("backs off exponentially from a source that keeps failing", async () => {
    srv.route("/down", (_req, res) => res.writeHead(500).end());
    const sources = [src("down", "/down")];
    const polled: boolean[] = [];
    for (let cycle = 0; cycle < 12; cycle++) {
      clock = minutes(cycle * 5);
      polled.push(!(await pollFeeds(deps(), sources))[0]?.held);
    }
    // Fetched at 0 and 5 min, then held 10 min (fetched at 15), then 20 min (fetched at 35), then 40.
    expect(polled.map((p, i) => (p ? i * 5 : null)).filter((x) => x !== null)).toEqual([0, 5, 15, 35]);
    expect((await sourcesView(sources)).down).toMatchObject({ consecutiveFailures: 4, nextPollAt: minutes(35 + 40).toISOString() });
  });
});
