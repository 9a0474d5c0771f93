import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/api/app.js";
import type { Source } from "../../functions/config/sources.js";
import { emptyState, nextState } from "../../functions/core/feeds/source-state.js";
import type { StoredRate } from "../../functions/core/fx/types.js";
import { silentLogger } from "../../functions/core/logger.js";
import { startTestDb, type TestDb } from "../helpers/local-dynamo.js";

const sources: Source[] = [{ id: "nbk-rates", kind: "nbk-rates", url: "http://127.0.0.1:9/rates_all.xml" }];
const NOW = new Date("2026-11-30T06:00:00Z"); // Monday 11:00 in Almaty

const rate = (code: string, value: number, date: string, change: number | null = null, quant = 1): StoredRate => ({
  code, rate: value, quoted: value * quant, quant, change, direction: change === null || change === 0 ? "flat" : change > 0 ? "up" : "down", date, source: "nbk-rates",
});

// Published on business days only: Thu 26, Fri 27, Mon 30 November.
const history: StoredRate[] = [
  rate("USD", 518.32, "2026-11-26"), rate("USD", 519.56, "2026-11-27", 1.24), rate("USD", 521.3, "2026-11-30", 1.74),
  rate("RUB", 6.55, "2026-11-26"), rate("RUB", 6.52, "2026-11-27", -0.03), rate("RUB", 6.5, "2026-11-30", -0.02),
];
const latest = [
  rate("USD", 521.3, "2026-11-30", 1.74), rate("EUR", 600.12, "2026-11-30", -0.58), rate("RUB", 6.5, "2026-11-30", -0.02),
  rate("CNY", 72.18, "2026-11-30", 0.11), rate("UZS", 0.041, "2026-11-30", 0.0001, 100), rate("GBP", 683.2, "2026-11-30", 1.94),
];

let db: TestDb;
let app: ReturnType<typeof createApp>;
const make = (d: TestDb, now = NOW) => createApp({ ...d.stores, sources, log: silentLogger, now: () => now });

beforeAll(async () => {
  db = await startTestDb();
  await db.stores.fx.putLatest(latest);
  await db.stores.fx.putHistory(history);
  await db.stores.states.put(nextState(emptyState("nbk-rates"), { ok: true, itemCount: 6 }, NOW));
  app = make(db);
});
afterAll(() => db.close());

async function get(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  const text = await res.text();
  return { res, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

describe("GET /fx/latest", () => {
  it("serves USD, EUR, RUB and CNY against KZT by default, with every contract field", async () => {
    const { res, body } = await get("/fx/latest");
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ base: "KZT", asOf: "2026-11-30", stale: false, suspects: [] });
    expect(body!.rates).toEqual([
      { pair: "USD/KZT", rate: 521.3, change: 1.74, direction: "up", date: "2026-11-30", source: "nbk-rates" },
      { pair: "EUR/KZT", rate: 600.12, change: -0.58, direction: "down", date: "2026-11-30", source: "nbk-rates" },
      { pair: "RUB/KZT", rate: 6.5, change: -0.02, direction: "down", date: "2026-11-30", source: "nbk-rates" },
      { pair: "CNY/KZT", rate: 72.18, change: 0.11, direction: "up", date: "2026-11-30", source: "nbk-rates" },
    ]);
  });

  it("symbols=all lists every stored currency, per 1 unit", async () => {
    const { body } = await get("/fx/latest?symbols=all");
    expect(body!.rates.map((r: { pair: string }) => r.pair)).toEqual(["CNY/KZT", "EUR/KZT", "GBP/KZT", "RUB/KZT", "USD/KZT", "UZS/KZT"]);
    expect(body!.rates.find((r: { pair: string }) => r.pair === "UZS/KZT").rate).toBe(0.041);
  });

  it("serves cross pairs through KZT, with the change of the cross", async () => {
    const { body } = await get("/fx/latest?symbols=usd-rub,EUR,KZT-USD");
    expect(body!.rates[0]).toEqual({ pair: "USD/RUB", rate: 80.2, change: 0.5129 /* 80.2 - 79.6871, the cross served the day before */, direction: "up", date: "2026-11-30", source: "nbk-rates" });
    expect(body!.rates[1].pair).toBe("EUR/KZT");
    expect(body!.rates[2]).toMatchObject({ pair: "KZT/USD", rate: Number((1 / 521.3).toPrecision(6)), direction: "down" });
  });

  it("never serves a 0 rate, even if one got into storage", async () => {
    const other = await startTestDb();
    try {
      await other.stores.fx.putLatest([rate("USD", 0, "2026-11-30"), rate("EUR", 600.12, "2026-11-30")]);
      const { body } = await (async () => {
        const res = await make(other).request("/fx/latest");
        return { body: (await res.json()) as Record<string, any> };
      })();
      expect(body.rates.map((r: { pair: string }) => r.pair)).toEqual(["EUR/KZT"]);
    } finally {
      await other.close();
    }
  });

  it("before the first poll: no rates, stale, asOf null", async () => {
    const empty = await startTestDb();
    try {
      const res = await make(empty).request("/fx/latest");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ base: "KZT", asOf: null, stale: true, rates: [], suspects: [] });
    } finally {
      await empty.close();
    }
  });

  it("is stale when the rates are more than 4 days old, though the last fetch worked", async () => {
    const res = await make(db, new Date("2026-12-05T06:00:00Z")).request("/fx/latest");
    expect(await res.json()).toMatchObject({ asOf: "2026-11-30", stale: true });
    const fresh = await make(db, new Date("2026-12-04T06:00:00Z")).request("/fx/latest");
    expect(await fresh.json()).toMatchObject({ stale: false });
  });
});

describe("GET /fx/{pair}/history", () => {
  it("gives one point per day; the weekend carries Friday's rate and says so", async () => {
    const { res, body } = await get("/fx/USD-KZT/history?from=2026-11-27&to=2026-11-30");
    expect(res.status).toBe(200);
    expect(body).toEqual({
      pair: "USD/KZT",
      points: [
        { date: "2026-11-27", rate: 519.56, carried: false },
        { date: "2026-11-28", rate: 519.56, carried: true },
        { date: "2026-11-29", rate: 519.56, carried: true },
        { date: "2026-11-30", rate: 521.3, carried: false },
      ],
    });
  });

  it("a range starting on a weekend carries the last rate before it", async () => {
    const { body } = await get("/fx/usd-kzt/history?from=2026-11-29&to=2026-11-30");
    expect(body!.points).toEqual([
      { date: "2026-11-29", rate: 519.56, carried: true },
      { date: "2026-11-30", rate: 521.3, carried: false },
    ]);
  });

  it("crosses two currencies through KZT day by day", async () => {
    const { body } = await get("/fx/USD-RUB/history?from=2026-11-27&to=2026-11-30");
    expect(body!.pair).toBe("USD/RUB");
    expect(body!.points.map((p: { rate: number; carried: boolean }) => [p.rate, p.carried])).toEqual([
      [Number((519.56 / 6.52).toPrecision(6)), false],
      [Number((519.56 / 6.52).toPrecision(6)), true],
      [Number((519.56 / 6.52).toPrecision(6)), true],
      [80.2, false],
    ]);
  });

  it("defaults to the 30 days ending today, omitting days before the first known rate", async () => {
    const { body } = await get("/fx/USD-KZT/history");
    expect(body!.points.map((p: { date: string }) => p.date)).toEqual(["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"]);
  });
});

describe("invalid input is a 400 problem naming the parameter", () => {
  it.each([
    ["/fx/latest?symbols=XYZ", "symbols", /unknown currency "XYZ"/],
    ["/fx/latest?symbols=USD-USD", "symbols", /with itself/],
    ["/fx/latest?symbols=dollars", "symbols", /not a currency pair/],
    ["/fx/latest?symbols=,", "symbols", /empty/],
    ["/fx/ABC-KZT/history", "pair", /unknown currency "ABC"/],
    ["/fx/USDX/history", "pair", /not a currency pair/],
    ["/fx/USD-KZT/history?from=2026-02-30", "from", /real date/],
    ["/fx/USD-KZT/history?to=30.11.2026", "to", /YYYY-MM-DD/],
    ["/fx/USD-KZT/history?to=2026-12-05", "to", /future/],
    ["/fx/USD-KZT/history?from=2026-11-30&to=2026-11-01", "from", /after to/],
    ["/fx/USD-KZT/history?from=2025-01-01&to=2026-11-30", "from", /at most 366/],
  ])("%s names %s", async (path, param, reason) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { detail: string; invalidParams: { name: string; reason: string }[] };
    expect(body.invalidParams[0]?.name).toBe(param);
    expect(body.invalidParams[0]?.reason).toMatch(reason);
  });
});

describe("caching", () => {
  it("sends an ETag and answers 304 with no body when the client has it", async () => {
    const first = await get("/fx/latest");
    const etag = first.res.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get("/fx/latest", { headers: { "if-none-match": etag! } });
    expect(again.res.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.res.headers.get("etag")).toBe(etag);
    expect((await get("/fx/latest", { headers: { "if-none-match": `"other", W/${etag}` } })).res.status).toBe(304);
    expect((await get("/fx/latest", { headers: { "if-none-match": '"other"' } })).res.status).toBe(200);
    // A different body has a different tag.
    expect((await get("/fx/latest?symbols=all")).res.headers.get("etag")).not.toBe(etag);
  });

  it.each([
    ["/fx/latest", "public, max-age=300"],
    ["/fx/USD-KZT/history?from=2026-11-01&to=2026-11-29", "public, max-age=86400"],
    ["/fx/USD-KZT/history?from=2026-11-01", "public, max-age=300"],
  ])("%s is cached as %s", async (path, cache) => {
    const { res } = await get(path);
    expect(res.headers.get("cache-control")).toBe(cache);
  });
});
