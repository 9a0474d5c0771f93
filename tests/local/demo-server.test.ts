import { afterEach, describe, expect, it } from "vitest";
import { demoBreaking, demoFeeds } from "../../functions/local/demo-feeds.js";
import { startDemoServer, type DemoServer } from "../../functions/local/demo-server.js";

let demo: DemoServer | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

const clock = { now: new Date("2026-11-30T05:00:00Z") };
const pubDates = (xml: string) => [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => m[1]);
const ru = () => `${demo!.url}/feeds/demo-ru.xml`;

describe("the demo feed server", () => {
  it("dates each item once, at demo start: a later fetch of an unchanged feed is the same feed", async () => {
    demo = await startDemoServer(demoFeeds, 0, () => clock.now);
    const first = await (await fetch(ru())).text();
    clock.now = new Date(clock.now.getTime() + 10 * 60_000);
    const later = await (await fetch(ru())).text();
    expect(pubDates(later)).toEqual(pubDates(first));
    expect(later).toBe(first);
  });

  it("answers a re-poll of an unchanged feed with 304 by ETag or Last-Modified", async () => {
    demo = await startDemoServer(demoFeeds, 0, () => clock.now);
    const first = await fetch(ru());
    const etag = first.headers.get("etag");
    const lastModified = first.headers.get("last-modified");
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();
    expect((await fetch(ru(), { headers: { "if-none-match": etag! } })).status).toBe(304);
    expect((await fetch(ru(), { headers: { "if-modified-since": lastModified! } })).status).toBe(304);
  });

  it("publishes one breaking military-base story per language on POST /demo/breaking, newest first and dated then", async () => {
    const published: number[] = [];
    demo = await startDemoServer(demoFeeds, 0, () => clock.now, { onBreaking: async () => void published.push(1) });
    const before = await fetch(ru());
    const etag = before.headers.get("etag")!;
    clock.now = new Date(clock.now.getTime() + 60_000);
    const res = await fetch(`${demo.url}/demo/breaking`, { method: "POST" });
    expect(res.status).toBe(201);
    expect(published).toHaveLength(1);
    const after = await fetch(ru(), { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    const xml = await after.text();
    const ruBreaking = demoBreaking.find((b) => b.feedId === "demo-ru")!.item;
    expect(xml.indexOf(ruBreaking.title)).toBeGreaterThan(0);
    expect(xml.indexOf(ruBreaking.title)).toBeLessThan(xml.indexOf(demoFeeds[0]!.items[0]!.title));
    expect(pubDates(xml)[0]).toBe(clock.now.toUTCString());
    for (const lang of ["kk", "en"]) {
      const b = demoBreaking.find((x) => x.feedId === `demo-${lang}`)!;
      expect(await (await fetch(`${demo.url}/feeds/demo-${lang}.xml`)).text()).toContain(b.item.title);
    }
    // Only once: a second request changes nothing.
    expect((await fetch(`${demo.url}/demo/breaking`, { method: "POST" })).status).toBe(200);
    expect(published).toHaveLength(1);
  });

  it("publishes the breaking stories by itself after the delay it is given", async () => {
    let published = 0;
    demo = await startDemoServer(demoFeeds, 0, () => clock.now, { breakingAfterMs: 50, onBreaking: async () => void published++ });
    await new Promise((r) => setTimeout(r, 300));
    expect(published).toBe(1);
    expect(await (await fetch(ru())).text()).toContain(demoBreaking[0]!.item.title);
  });
});
