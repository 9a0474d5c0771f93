import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../functions/core/logger.js";
import { demoFeeds } from "../../functions/local/demo-feeds.js";
import { startDemoServer, type DemoServer } from "../../functions/local/demo-server.js";
import { startRuntime } from "../../functions/local/runtime.js";

type Json = Record<string, any>;
const get = async (base: string, path: string): Promise<Json> => (await fetch(base + path)).json() as Promise<Json>;

let demo: DemoServer;
let dir: string;

beforeAll(async () => {
  demo = await startDemoServer(demoFeeds);
  dir = mkdtempSync(join(tmpdir(), "dabyl-e2e-fx-"));
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("FX in the local runtime against the demo NBK feed", () => {
  it("shows the four rates, not stale, and demo-nbk ok, after the poll at boot", async () => {
    const rt = await startRuntime({ dataDir: dir, port: 0, sources: demo.sources, feedPollMinutes: 60, log: silentLogger });
    try {
      await rt.pollNow();
      const latest = await get(rt.url, "/fx/latest");
      expect(latest).toMatchObject({ base: "KZT", stale: false });
      expect(latest.rates.map((r: Json) => r.pair)).toEqual(["USD/KZT", "EUR/KZT", "RUB/KZT", "CNY/KZT"]);
      for (const r of latest.rates) {
        expect(r.rate).toBeGreaterThan(0);
        expect(r).toMatchObject({ date: latest.asOf, source: "demo-nbk" });
      }
      expect(latest.rates[0].rate).toBeGreaterThan(500);
      expect(latest.rates[0].rate).toBeLessThan(540);

      const { sources } = await get(rt.url, "/sources");
      expect(sources.find((s: Json) => s.id === "demo-nbk")).toMatchObject({ kind: "nbk-rates", status: "ok", lastError: null, itemCount: 16 });

      const history = await get(rt.url, `/fx/USD-KZT/history?from=${latest.asOf}&to=${latest.asOf}`);
      expect(history.points).toEqual([{ date: latest.asOf, rate: latest.rates[0].rate, carried: false }]);
    } finally {
      await rt.stop();
    }
  });
});
