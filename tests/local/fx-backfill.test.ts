import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDocumentClient } from "../../functions/adapters/dynamo/client.js";
import { makeFxStore } from "../../functions/adapters/dynamo/fx-store.js";
import { fetchFeed } from "../../functions/adapters/http/fetch-feed.js";
import { fromNbkDate } from "../../functions/core/fx/index.js";
import { silentLogger } from "../../functions/core/logger.js";
import { backfillFx, type BackfillFxOptions } from "../../functions/jobs/backfill-fx.js";
import { startDynalite } from "../../functions/local/dynamo-local.js";
import { renderNbkDaily } from "../../functions/local/demo-nbk.js";
import { parseBackfillArgs } from "../../functions/local/parse-backfill-args.js";
import { startTestDb, type TestDb } from "../helpers/local-dynamo.js";
import { serveLoopback, type LoopbackServer } from "../helpers/serve-loopback.js";

const NOW = new Date("2026-11-30T06:00:00Z");
const TODAY = "2026-11-30";
const quantFixture = readFileSync(new URL("../fixtures/nbk/daily-quant-not-one.xml", import.meta.url), "utf8");

/** Days answered with HTTP 500, and how long each answer takes (to catch overlapping requests). */
let failing = new Set<string>();
let server: LoopbackServer;
let stamps: number[] = [];

beforeAll(async () => {
  server = await serveLoopback(async (req, res) => {
    stamps.push(Date.now());
    const url = new URL(req.url ?? "/", "http://x");
    const date = fromNbkDate(url.searchParams.get("fdate") ?? "");
    await new Promise((r) => setTimeout(r, 15));
    if (url.pathname !== "/rss/get_rates.cfm" || !date) {
      res.writeHead(404).end();
    } else if (failing.has(date)) {
      res.writeHead(500).end("oops");
    } else {
      res.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(renderNbkDaily(date, NOW));
    }
  });
});
afterAll(() => server.close());

let db: TestDb;
beforeEach(async () => {
  await db?.close();
  db = await startTestDb();
  failing = new Set();
  server.requests.length = 0;
  stamps = [];
});
afterAll(() => db.close());

const opts = (over: Partial<BackfillFxOptions> = {}): BackfillFxOptions => ({
  from: "2026-11-19", to: "2026-11-25", baseUrl: `${server.url}/rss`, pauseMs: 40, timeoutMs: 5000, maxBytes: 1 << 20, ...over,
});
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const run = (o?: Partial<BackfillFxOptions>) => backfillFx({ fetchFeed, fx: db.stores.fx, log: silentLogger, now: () => NOW, sleep }, opts(o));

describe("backfillFx over a loopback NBK", () => {
  it("asks for one day at a time, in order, with a pause between requests, and fills history", async () => {
    const report = await run();
    expect(report).toEqual({ days: 7, skipped: 0, stored: 5, rates: 80, empty: 2, failed: [] });
    expect(server.requests).toEqual(
      ["19.11.2026", "20.11.2026", "21.11.2026", "22.11.2026", "23.11.2026", "24.11.2026", "25.11.2026"].map((d) => `/rss/get_rates.cfm?fdate=${d}`),
    );
    expect(server.maxInFlight()).toBe(1);
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
    // Each answer takes 15 ms and the pause is 40 ms; allow timer jitter.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50);
    const usd = await db.stores.fx.history("USD", "2026-11-19", "2026-11-25");
    expect(usd.map((p) => p.date)).toEqual(["2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(usd.every((p) => p.rate > 500 && p.rate < 540 && p.source === "nbk-rates")).toBe(true);
    expect(await db.stores.fx.latest()).toEqual({});
  });

  it("skips days already stored, weekends included, and asks only for the new ones", async () => {
    await run();
    server.requests.length = 0;
    const report = await run({ from: "2026-11-19", to: "2026-11-27" });
    expect(report).toMatchObject({ days: 9, skipped: 7, stored: 2, empty: 0 });
    expect(server.requests).toEqual(["/rss/get_rates.cfm?fdate=26.11.2026", "/rss/get_rates.cfm?fdate=27.11.2026"]);
  });

  it("does not remember an empty today, which may still be published", async () => {
    const sunday = new Date("2026-11-29T06:00:00Z");
    const report = await backfillFx({ fetchFeed, fx: db.stores.fx, log: silentLogger, now: () => sunday, sleep }, opts({ from: "2026-11-28", to: "2026-11-29" }));
    expect(report).toMatchObject({ empty: 2, stored: 0 });
    expect(await db.stores.fx.fetchedDay("2026-11-28")).toMatchObject({ count: 0, published: null });
    expect(await db.stores.fx.fetchedDay("2026-11-29")).toBeUndefined();
  });

  it("reports a failed day and retries it next run; stops after 3 failures in a row", async () => {
    failing = new Set(["2026-11-20"]);
    const first = await run();
    expect(first.failed).toEqual([{ date: "2026-11-20", error: "HTTP 500" }]);
    expect(first.stored).toBe(4);
    failing = new Set();
    server.requests.length = 0;
    expect(await run()).toMatchObject({ stored: 1, skipped: 6, failed: [] });
    expect(server.requests).toEqual(["/rss/get_rates.cfm?fdate=20.11.2026"]);

    failing = new Set(["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
    const stopped = await run({ from: "2026-11-26", to: TODAY });
    expect(stopped.aborted).toMatch(/stopped after 3 failures in a row \(last: HTTP 500\); rerun later to continue from 2026-11-28/);
    expect(stopped.failed).toHaveLength(3);
  });

  it("stores per-unit rates from a daily file with quant other than 1", async () => {
    const quant = await serveLoopback((_req, res) => void res.writeHead(200, { "content-type": "text/xml" }).end(quantFixture));
    try {
      // The file says 30.11.2026 whatever day was asked for: the document's own date wins.
      await run({ from: "2026-11-27", to: "2026-11-27", baseUrl: quant.url });
      expect(await db.stores.fx.fetchedDay("2026-11-27")).toMatchObject({ published: "2026-11-30" });
      const [uzs] = await db.stores.fx.history("UZS", "2026-11-30", "2026-11-30");
      expect(uzs).toMatchObject({ date: "2026-11-30", quoted: 4.1, quant: 100, rate: 0.041 });
      const [irr] = await db.stores.fx.history("IRR", "2026-11-30", "2026-11-30");
      expect(irr).toMatchObject({ quoted: 12.35, quant: 1000, rate: 0.01235 });
    } finally {
      await quant.close();
    }
  });
});

describe("parseBackfillArgs", () => {
  it.each([
    [[], "--from", /--from is required/],
    [["--from", "2026-02-30"], "--from", /real date/],
    [["--from", "30.11.2026"], "--from", /YYYY-MM-DD/],
    [["--from", "2026-12-01"], "--from", /in the future/],
    [["--from", "1990-01-01"], "--from", /before the tenge/],
    [["--from", "2026-11-20", "--to", "2026-11-10"], "--from", /after --to/],
    [["--from", "2026-11-20", "--to"], "--to", /needs a value/],
    [["--from", "2026-11-20", "--pause-ms", "soon"], "--pause-ms", /whole number/],
    [["--from", "2026-11-20", "--pause-ms", "-1"], "--pause-ms", /whole number/],
    [["--from", "2026-11-20", "--nbk-url", "nationalbank.kz"], "--nbk-url", /http\(s\) URL/],
    [["--from", "2026-11-20", "--from", "2026-11-21"], "--from", /twice/],
    [["--since", "2026-11-20"], "--since", /unknown argument/],
  ])("%j is refused, naming %s", (argv, field, reason) => {
    expect(() => parseBackfillArgs(argv, TODAY, 1000)).toThrow(expect.objectContaining({ field, message: expect.stringMatching(reason) }));
  });

  it("defaults --to to today and the pause to 1 s; accepts --flag=value", () => {
    expect(parseBackfillArgs(["--from", "2026-11-01"], TODAY, 1000)).toEqual({ from: "2026-11-01", to: TODAY, pauseMs: 1000, baseUrl: undefined });
    expect(parseBackfillArgs(["--from=2026-11-01", "--to=2026-11-05", "--pause-ms=0", "--nbk-url=http://127.0.0.1:8080/rss"], TODAY, 1000)).toEqual({
      from: "2026-11-01", to: "2026-11-05", pauseMs: 0, baseUrl: "http://127.0.0.1:8080/rss",
    });
  });
});

function runCli(args: string[], dataDir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "functions/local/fx-backfill.ts", ...args], {
    env: { ...process.env, DABYL_DATA_DIR: dataDir, DABYL_LOG_LEVEL: "silent", DABYL_TABLE_NAME: "", NODE_NO_WARNINGS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  return new Promise<{ code: number | null; out: string }>((r) => child.on("exit", (code) => r({ code, out })));
}

describe("npm run fx:backfill (as a process)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dabyl-backfill-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("explains a bad argument and exits 2 without touching the database", async () => {
    const { code, out } = await runCli(["--from", "yesterday"], join(dir, "bad"));
    expect(code).toBe(2);
    expect(out).toContain('fx:backfill: --from must be a real date written YYYY-MM-DD, got "yesterday"');
  });

  it("fills the local database a day at a time and says what it did", async () => {
    const { code, out } = await runCli(["--from", "2026-11-19", "--to", "2026-11-23", "--pause-ms", "10", "--nbk-url", `${server.url}/rss`], dir);
    expect(out).toContain("fx:backfill 2026-11-19..2026-11-23: 3 days stored (48 rates), 2 without rates, 0 already stored, 0 failed");
    expect(code).toBe(0);
    const dynamo = await startDynalite(join(dir, "db"));
    const doc = createDocumentClient({ endpoint: dynamo.endpoint });
    try {
      const points = await makeFxStore(doc, "dabyl").history("EUR", "2026-11-19", "2026-11-23");
      expect(points.map((p) => p.date)).toEqual(["2026-11-19", "2026-11-20", "2026-11-23"]);
    } finally {
      doc.destroy();
      await dynamo.close();
    }
  });
});
