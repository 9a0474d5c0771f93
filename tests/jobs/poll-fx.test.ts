import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fetchFeed } from "../../functions/adapters/http/fetch-feed.js";
import { createApp } from "../../functions/api/app.js";
import { fxSettings } from "../../functions/config/fx.js";
import type { Source } from "../../functions/config/sources.js";
import { parseFxCondition, type FxAlertEvent } from "../../functions/core/fx/index.js";
import type { Logger } from "../../functions/core/logger.js";
import { pollFx, type FxConditionEntry, type PollFxDeps } from "../../functions/jobs/poll-fx.js";
import { startTestDb, type TestDb } from "../helpers/local-dynamo.js";
import { serveLoopback, type LoopbackServer } from "../helpers/serve-loopback.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/nbk/${name}`, import.meta.url), "utf8");
const normal = fixture("rates-all-normal.xml");
/** The normal feed one business day later with USD at `usd` (519.56 on the 27th). */
const nextDay = (usd: string) => normal.replace(/27\.11\.2026/g, "30.11.2026").replace("<description>519.56</description>", `<description>${usd}</description>`);

type Line = { level: string; msg: string; fields: Record<string, unknown> };
function recordingLogger(lines: Line[], bound: Record<string, unknown> = {}): Logger {
  const at = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => lines.push({ level, msg, fields: { ...bound, ...fields } });
  return { info: at("info"), warn: at("warn"), error: at("error"), child: (f) => recordingLogger(lines, { ...bound, ...f }) };
}

let body = normal;
let status = 200;
let server: LoopbackServer;
let db: TestDb;
let lines: Line[];
let delivered: FxAlertEvent[][];
let conditions: FxConditionEntry[];
let source: Source;
const clock = { now: new Date("2026-11-30T06:00:00Z") };

beforeEach(async () => {
  await db?.close();
  await server?.close();
  db = await startTestDb();
  server = await serveLoopback((_req, res) => {
    res.writeHead(status, { "content-type": "text/xml; charset=utf-8" });
    res.end(body);
  });
  source = { id: "nbk-rates", kind: "nbk-rates", url: `${server.url}/rss/rates_all.xml` };
  body = normal;
  status = 200;
  lines = [];
  delivered = [];
  conditions = [];
});
afterAll(async () => {
  await db.close();
  await server.close();
});

const deps = (over: Partial<PollFxDeps> = {}): PollFxDeps => ({
  ...db.stores,
  fetchFeed,
  log: recordingLogger(lines),
  now: () => clock.now,
  settings: fxSettings,
  fxConditions: async () => conditions,
  onFxEvents: async (events) => {
    delivered.push(events);
  },
  ...over,
});
const poll = (over?: Partial<PollFxDeps>) => pollFx(deps(over), [source, { id: "news", kind: "rss", url: `${server.url}/news.xml` }]);

async function api(path: string) {
  const app = createApp({ ...db.stores, sources: [source], log: recordingLogger([]), now: () => clock.now });
  const res = await app.request(path);
  return (await res.json()) as Record<string, any>;
}
const usdServed = async () => (await api("/fx/latest?symbols=USD")).rates[0];

describe("pollFx over a loopback NBK", () => {
  it("stores every currency per unit, serves the four defaults, and marks the source ok", async () => {
    const [report] = await poll();
    expect(report).toMatchObject({ sourceId: "nbk-rates", ok: true, rates: 16, changed: 16, rejected: 0, suspects: 0 });
    expect(server.requests).toEqual(["/rss/rates_all.xml"]);
    const latest = await db.stores.fx.latest();
    expect(Object.keys(latest)).toHaveLength(16);
    expect(latest.UZS).toMatchObject({ rate: 0.041, quoted: 4.1, quant: 100, source: "nbk-rates" });
    const body = await api("/fx/latest");
    expect(body.rates.map((r: { pair: string; rate: number }) => [r.pair, r.rate])).toEqual([
      ["USD/KZT", 519.56], ["EUR/KZT", 600.12], ["RUB/KZT", 6.52], ["CNY/KZT", 72.18],
    ]);
    expect(body).toMatchObject({ base: "KZT", asOf: "2026-11-27", stale: false });
    expect((await db.stores.fx.history("USD", "2026-11-27", "2026-11-27")).map((p) => p.rate)).toEqual([519.56]);
    const { sources } = await api("/sources");
    expect(sources[0]).toMatchObject({ id: "nbk-rates", status: "ok", itemCount: 16, lastError: null });
  });

  it('a "0.0" USD never becomes the rate: the previous good USD stays in place and is what GET /fx/latest serves', async () => {
    await poll();
    body = nextDay("0.0");
    const [report] = await poll();
    expect(report).toMatchObject({ ok: true, rates: 15, rejected: 1 });
    expect(await usdServed()).toMatchObject({ pair: "USD/KZT", rate: 519.56, date: "2026-11-27" });
    expect((await db.stores.fx.latest()).EUR?.date).toBe("2026-11-30");
    const all = await api("/fx/latest?symbols=all");
    expect(all.rates.length).toBe(16);
    expect(all.rates.every((r: { rate: number }) => r.rate > 0)).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/"rate":0[,}]/);
    expect(lines).toContainEqual(expect.objectContaining({ level: "warn", msg: "NBK rate refused", fields: expect.objectContaining({ code: "USD", reason: expect.stringMatching(/zero/) }) }));
    expect(await db.stores.fx.history("USD", "2026-11-30", "2026-11-30")).toEqual([expect.objectContaining({ date: "2026-11-27", rate: 519.56 })]);
  });

  it.each([
    ["malformed XML", "rates-all-malformed.xml", 200, /malformed XML/],
    ["every rate zero", "rates-all-every-rate-zero.xml", 200, /all \d+ NBK rates were rejected/],
    ["an HTML maintenance page", "rates-all-html-maintenance.xml", 200, /HTML page/],
    ["HTTP 503", "rates-all-normal.xml", 503, /HTTP 503/],
  ])("%s leaves latest alone, marks it stale and the source failing", async (_name, file, code, error) => {
    await poll();
    body = fixture(file);
    status = code;
    const [report] = await poll();
    expect(report).toMatchObject({ ok: false, error: expect.stringMatching(error), changed: 0 });
    expect(await usdServed()).toMatchObject({ rate: 519.56, date: "2026-11-27" });
    const latest = await api("/fx/latest");
    expect(latest).toMatchObject({ stale: true, asOf: "2026-11-27" });
    expect(latest.rates).toHaveLength(4);
    const { sources } = await api("/sources");
    expect(sources[0]).toMatchObject({ status: "failing", consecutiveFailures: 1, lastError: expect.stringMatching(error) });
    // The next good fetch clears it.
    body = normal;
    status = 200;
    await poll();
    expect(await api("/fx/latest")).toMatchObject({ stale: false });
  });

  it("a 25% jump is held and shown as a suspect, then served once the next fetch confirms it", async () => {
    await poll();
    body = nextDay("650.00");
    const [first] = await poll();
    expect(first).toMatchObject({ ok: true, suspects: 1 });
    expect(await usdServed()).toMatchObject({ rate: 519.56, date: "2026-11-27" });
    const shown = await api("/fx/latest");
    expect(shown.suspects).toEqual([expect.objectContaining({ pair: "USD/KZT", rate: 650, previousRate: 519.56, date: "2026-11-30" })]);
    expect(lines).toContainEqual(expect.objectContaining({ level: "warn", msg: expect.stringMatching(/USD moved \+25\.1%/) }));

    const [second] = await poll();
    expect(second).toMatchObject({ ok: true, suspects: 0 });
    expect(await usdServed()).toMatchObject({ rate: 650, date: "2026-11-30" });
    expect((await api("/fx/latest")).suspects).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/USD .* confirmed by a second fetch/) }));
  });

  it("hands fired conditions to onFxEvents: a level crossing once, and a daily move", async () => {
    conditions = [
      { id: "above-600", condition: parseFxCondition("USD/KZT above 600") },
      { id: "move-1pct", condition: parseFxCondition("USD/KZT moves more than 1% in a day") },
      { id: "eur-below", condition: parseFxCondition("EUR/KZT below 100") },
    ];
    await poll();
    expect(delivered).toEqual([]);
    body = nextDay("530.00");
    const [report] = await poll();
    expect(report?.alerts).toBe(1);
    expect(delivered).toEqual([[expect.objectContaining({ conditionId: "move-1pct", pair: "USD/KZT", rate: 530, previousRate: 519.56, date: "2026-11-30" })]]);
    body = nextDay("601.00");
    await poll();
    expect(delivered[1]?.map((e) => e.conditionId).sort()).toEqual(["above-600", "move-1pct"]);
    expect(delivered[1]?.find((e) => e.conditionId === "above-600")?.text).toMatch(/USD\/KZT rose above 600: 601\.00/);
    await poll();
    expect(delivered).toHaveLength(2);
  });

  it("a failing alerts hook is logged; the rates are stored and the source stays ok", async () => {
    conditions = [{ id: "c", condition: parseFxCondition("USD/KZT above 500") }];
    const [report] = await poll({ onFxEvents: () => Promise.reject(new Error("sns down")) });
    expect(report).toMatchObject({ ok: true, changed: 16 });
    expect(lines).toContainEqual(expect.objectContaining({ level: "error", msg: "FX alerts hook failed" }));
    expect((await api("/sources")).sources[0].status).toBe("ok");
  });
});

describe("pollFx log lines", () => {
  it("never repeat a key the line's child logger already carries (a JSON line with two sourceId keys)", async () => {
    const repeated: string[] = [];
    const strict = (bound: Record<string, unknown>): Logger => {
      const at = (msg: string, fields: Record<string, unknown> = {}) => {
        for (const key of Object.keys(fields)) if (key in bound) repeated.push(`${msg}: ${key}`);
      };
      return { info: at, warn: at, error: at, child: (f) => strict({ ...bound, ...f }) };
    };
    await poll({ log: strict({}) });
    status = 500;
    await poll({ log: strict({}) });
    expect(repeated).toEqual([]);
  });
});
