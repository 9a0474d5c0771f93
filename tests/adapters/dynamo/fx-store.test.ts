import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../functions/core/fx/calendar-date.js";
import type { NbkRate, StoredRate, SuspectRate } from "../../../functions/core/fx/types.js";
import { startTestDb, type TestDb } from "../../helpers/local-dynamo.js";

const rate = (code: string, value: number, date: string, extra: Partial<NbkRate> = {}): StoredRate => ({
  code, rate: value, quoted: value, quant: 1, change: null, direction: "flat", date, source: "nbk-rates", ...extra,
});

let db: TestDb;
beforeAll(async () => {
  db = await startTestDb();
});
afterAll(() => db.close());

describe("FX store on dynalite", () => {
  it("stores latest rates per currency and reads back every field, null change and quant included", async () => {
    const uzs = rate("UZS", 0.041, "2026-11-27", { quoted: 4.1, quant: 100, change: 0.0001, direction: "up", name: "100 УЗБЕКСКИХ СУМОВ" });
    await db.stores.fx.putLatest([rate("USD", 519.56, "2026-11-27"), uzs]);
    await db.stores.fx.putLatest([rate("USD", 521.3, "2026-11-28")]);
    const latest = await db.stores.fx.latest();
    expect(Object.keys(latest).sort()).toEqual(["USD", "UZS"]);
    expect(latest.USD).toEqual(rate("USD", 521.3, "2026-11-28"));
    expect(latest.UZS).toEqual(uzs);
  });

  it("replaces the suspect set: a confirmed or dropped suspect disappears, a new one appears", async () => {
    const held = (code: string, value: number): SuspectRate => ({
      rate: rate(code, value, "2026-11-28"), previous: rate(code, value / 1.3, "2026-11-27"), move: 0.3, reason: `${code} moved +30.0%`,
    });
    await db.stores.fx.replaceSuspects({ USD: held("USD", 650), EUR: held("EUR", 780) });
    expect(Object.keys(await db.stores.fx.suspects()).sort()).toEqual(["EUR", "USD"]);
    await db.stores.fx.replaceSuspects({ RUB: held("RUB", 8.5) });
    const now = await db.stores.fx.suspects();
    expect(Object.keys(now)).toEqual(["RUB"]);
    expect(now.RUB).toEqual(held("RUB", 8.5));
    await db.stores.fx.replaceSuspects({});
    expect(await db.stores.fx.suspects()).toEqual({});
  });

  it("returns a range of history plus the last point before it, so a range starting on a weekend can carry", async () => {
    // 40 business-ish days: more than one BatchWrite of 25.
    const days = Array.from({ length: 40 }, (_, i) => addDays("2026-10-01", i));
    await db.stores.fx.putHistory(days.map((d, i) => rate("EUR", 600 + i, d)));
    const points = await db.stores.fx.history("EUR", "2026-10-10", "2026-10-12");
    expect(points.map((p) => [p.date, p.rate])).toEqual([
      ["2026-10-09", 608],
      ["2026-10-10", 609],
      ["2026-10-11", 610],
      ["2026-10-12", 611],
    ]);
    expect(points[1]).toMatchObject({ quoted: 609, quant: 1, change: null, direction: "flat", source: "nbk-rates" });
    const tail = await db.stores.fx.history("EUR", "2026-11-09", "2026-11-10");
    expect(tail.map((p) => [p.date, p.rate])).toEqual([["2026-11-08", 638], ["2026-11-09", 639]]);
    expect(await db.stores.fx.history("GBP", "2026-10-01", "2026-10-31")).toEqual([]);
  });

  it("keeps history out of latest and never sets an expiry on it", async () => {
    await db.stores.fx.putHistory([rate("CHF", 646.8, "2026-11-27")]);
    expect((await db.stores.fx.latest()).CHF).toBeUndefined();
    const [point] = await db.stores.fx.history("CHF", "2026-11-27", "2026-11-27");
    expect(point).not.toHaveProperty("expiresAt");
  });

  it("remembers which days were fetched", async () => {
    expect(await db.stores.fx.fetchedDay("2026-11-21")).toBeUndefined();
    await db.stores.fx.markFetched({ date: "2026-11-21", published: null, count: 0, fetchedAt: "2026-11-30T10:00:00.000Z" });
    expect(await db.stores.fx.fetchedDay("2026-11-21")).toEqual({ date: "2026-11-21", published: null, count: 0, fetchedAt: "2026-11-30T10:00:00.000Z" });
  });
});
