import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { Feed } from "feed";
import { Hono } from "hono";
import type { Source } from "../config/sources.js";
import { fromNbkDate } from "../core/fx/index.js";
import type { DemoFeed } from "./demo-feeds.js";
import { renderNbkDaily, renderNbkRss } from "./demo-nbk.js";

export interface DemoServer {
  readonly url: string;
  /** Sources pointing at this server: one per demo feed, and demo-nbk (kind "nbk-rates"). */
  readonly sources: Source[];
  close(): Promise<void>;
}

const MINUTE = 60_000;

/** Renders a demo feed with recent dates (item i published i*17 minutes before `now`) and stable guids. */
export function renderDemoFeed(feed: DemoFeed, baseUrl: string, now: Date): { body: string; type: string } {
  const out = new Feed({
    id: `${baseUrl}/feeds/${feed.id}`,
    title: feed.title,
    link: baseUrl,
    language: feed.lang,
    updated: now,
    generator: "dabyl demo",
    copyright: "sample data",
  });
  feed.items.forEach((item, i) => {
    const link = `${baseUrl}/articles/${item.slug}`;
    out.addItem({
      title: item.title,
      id: `demo:${feed.id}:${item.slug}`,
      guid: `demo:${feed.id}:${item.slug}`,
      link,
      description: item.summary ?? item.title,
      date: new Date(now.getTime() - (i + 1) * 17 * MINUTE),
    });
  });
  return feed.format === "atom"
    ? { body: out.atom1(), type: "application/atom+xml; charset=utf-8" }
    : { body: out.rss2(), type: "application/rss+xml; charset=utf-8" };
}

/** Serves the demo feeds on loopback so the whole loop runs without internet. */
export async function startDemoServer(feeds: readonly DemoFeed[], port = 0, now: () => Date = () => new Date()): Promise<DemoServer> {
  let baseUrl = "";
  const app = new Hono();
  app.get("/feeds/:name", (c) => {
    const feed = feeds.find((f) => `${f.id}.xml` === c.req.param("name"));
    if (!feed) return c.text("no such feed", 404);
    const { body, type } = renderDemoFeed(feed, baseUrl, now());
    return c.body(body, 200, { "content-type": type });
  });
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
    const item = feeds.flatMap((f) => f.items).find((i) => i.slug === c.req.param("slug"));
    if (!item) return c.text("no such article", 404);
    return c.html(`<!doctype html><meta charset="utf-8"><title>${item.title}</title><h1>${item.title}</h1><p>${item.summary ?? ""}</p>`);
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    sources: [
      ...feeds.map((f) => ({ id: f.id, kind: "rss" as const, url: `${baseUrl}/feeds/${f.id}.xml`, lang: f.lang })),
      { id: "demo-nbk", kind: "nbk-rates" as const, url: `${baseUrl}/nbk/rates_all.xml` },
    ],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
