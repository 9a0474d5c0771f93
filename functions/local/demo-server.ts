import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { ServerType } from "@hono/node-server";
import { Feed } from "feed";
import { Hono, type Context } from "hono";
import type { Source } from "../config/sources.js";
import { fromNbkDate } from "../core/fx/index.js";
import { demoBreaking, type DemoFeed, type DemoItem } from "./demo-feeds.js";
import { renderNbkDaily, renderNbkRss } from "./demo-nbk.js";
import { listen } from "./listen.js";

export interface DemoServer {
  readonly url: string;
  /** Sources pointing at this server: one per demo feed, and demo-nbk (kind "nbk-rates"). */
  readonly sources: Source[];
  /** Publishes the breaking stories now (once); false when they were already out. */
  publishBreaking(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** Publish the breaking stories by themselves this long after start; never when absent. */
  readonly breakingAfterMs?: number;
  /** Called once the breaking stories are out (the demo polls at once instead of in 5 minutes). */
  readonly onBreaking?: () => Promise<void>;
}

const MINUTE = 60_000;

/** Renders a demo feed with the given items, each with its fixed date, and stable guids. */
export function renderDemoFeed(feed: DemoFeed, items: readonly { item: DemoItem; date: Date }[], baseUrl: string): { body: string; type: string } {
  const newest = items.reduce((t, i) => Math.max(t, i.date.getTime()), 0);
  const out = new Feed({
    id: `${baseUrl}/feeds/${feed.id}`,
    title: feed.title,
    link: baseUrl,
    language: feed.lang,
    updated: new Date(newest),
    generator: "dabyl demo",
    copyright: "sample data",
  });
  for (const { item, date } of items) {
    const link = `${baseUrl}/articles/${item.slug}`;
    out.addItem({ title: item.title, id: `demo:${feed.id}:${item.slug}`, guid: `demo:${feed.id}:${item.slug}`, link, description: item.summary ?? item.title, date });
  }
  return feed.format === "atom"
    ? { body: out.atom1(), type: "application/atom+xml; charset=utf-8" }
    : { body: out.rss2(), type: "application/rss+xml; charset=utf-8" };
}

/** 304 when the client's ETag or Last-Modified is current, as a well-behaved news site answers a re-poll. */
function conditional(c: Context, body: string, lastModified: Date, type: string) {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { etag, "last-modified": lastModified.toUTCString() };
  const inm = c.req.header("if-none-match");
  const ims = Date.parse(c.req.header("if-modified-since") ?? "");
  const fresh = inm !== undefined ? inm.split(",").some((t) => t.trim() === etag) : !Number.isNaN(ims) && Math.floor(lastModified.getTime() / 1000) * 1000 <= ims;
  if (fresh) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "content-type": type });
}

/**
 * Serves the demo feeds on loopback so the whole loop runs without internet. Each item is dated once:
 * items present at start i*17 minutes before it, items added later (tests add some) when first
 * served, so an unchanged feed stays byte-identical and a re-poll writes nothing.
 */
export async function startDemoServer(
  feeds: readonly DemoFeed[],
  port = 0,
  now: () => Date = () => new Date(),
  options: DemoServerOptions = {},
): Promise<DemoServer> {
  let baseUrl = "";
  const startedAt = now().getTime();
  const dates = new Map<string, Date>();
  feeds.forEach((f) => f.items.forEach((item, i) => dates.set(`${f.id}:${item.slug}`, new Date(startedAt - (i + 1) * 17 * MINUTE))));
  const breaking = new Map<string, DemoItem[]>();
  const datedItems = (feed: DemoFeed) =>
    [...(breaking.get(feed.id) ?? []), ...feed.items].map((item) => {
      const key = `${feed.id}:${item.slug}`;
      if (!dates.has(key)) dates.set(key, now());
      return { item, date: dates.get(key)! };
    });

  let published = false;
  const publishBreaking = async () => {
    if (published) return false;
    published = true;
    for (const { feedId, item } of demoBreaking) {
      if (!feeds.some((f) => f.id === feedId)) continue;
      dates.set(`${feedId}:${item.slug}`, now());
      breaking.set(feedId, [item, ...(breaking.get(feedId) ?? [])]);
    }
    await options.onBreaking?.();
    return true;
  };

  const app = new Hono();
  app.get("/feeds/:name", (c) => {
    const feed = feeds.find((f) => `${f.id}.xml` === c.req.param("name"));
    if (!feed) return c.text("no such feed", 404);
    const items = datedItems(feed);
    const { body, type } = renderDemoFeed(feed, items, baseUrl);
    return conditional(c, body, new Date(items.reduce((t, i) => Math.max(t, i.date.getTime()), startedAt)), type);
  });
  app.post("/demo/breaking", async (c) => ((await publishBreaking()) ? c.text("breaking stories published\n", 201) : c.text("already published\n", 200)));
  // The National Bank's two formats, so the demo shows rates and fx:backfill works without internet.
  // A fresh headers object per response: Hono takes ownership of the one it is given.
  const xml = () => ({ "content-type": "text/xml; charset=utf-8" });
  app.get("/nbk/rates_all.xml", (c) => c.body(renderNbkRss(now()), 200, xml()));
  app.get("/nbk/get_rates.cfm", (c) => {
    const date = fromNbkDate(c.req.query("fdate") ?? "");
    if (!date) return c.text("fdate must be dd.mm.yyyy", 400);
    return c.body(renderNbkDaily(date, now()), 200, xml());
  });
  app.get("/articles/:slug", (c) => {
    const item = [...feeds.flatMap((f) => f.items), ...demoBreaking.map((b) => b.item)].find((i) => i.slug === c.req.param("slug"));
    if (!item) return c.text("no such article", 404);
    return c.html(`<!doctype html><meta charset="utf-8"><title>${item.title}</title><h1>${item.title}</h1><p>${item.summary ?? ""}</p>`);
  });
  const server: ServerType = await listen(app.fetch, port, "127.0.0.1");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const timer = options.breakingAfterMs === undefined ? undefined : setTimeout(() => void publishBreaking().catch(() => undefined), options.breakingAfterMs);
  timer?.unref();
  return {
    url: baseUrl,
    sources: [
      ...feeds.map((f) => ({ id: f.id, kind: "rss" as const, url: `${baseUrl}/feeds/${f.id}.xml`, lang: f.lang })),
      { id: "demo-nbk", kind: "nbk-rates" as const, url: `${baseUrl}/nbk/rates_all.xml` },
    ],
    publishBreaking,
    close: () => {
      clearTimeout(timer);
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
