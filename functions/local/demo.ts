import { resolve, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fetchFeed } from "../adapters/http/fetch-feed.js";
import { readLocalConfig } from "../adapters/resources.js";
import { fxSettings } from "../config/fx.js";
import { addDays, almatyDate } from "../core/fx/index.js";
import { backfillFx } from "../jobs/backfill-fx.js";
import { demoFeeds } from "./demo-feeds.js";
import { startDemoServer } from "./demo-server.js";
import { silentLogger } from "../core/logger.js";
import { main } from "./main.js";
import type { Runtime } from "./runtime.js";

/** A breaking military-base story lands this long after start: time enough to subscribe first. */
const BREAKING_AFTER_MS = 75_000;
/** Days of sample FX history the demo fills, so the history endpoint and the page have a chart. */
const HISTORY_DAYS = 30;

let runtime: Runtime | undefined;
// The demo keeps its own database so sample headlines never mix with real ones.
const dataDir = join(readLocalConfig().dataDir, "demo");
const demo = await startDemoServer(demoFeeds, 0, undefined, {
  breakingAfterMs: BREAKING_AFTER_MS,
  // Poll at once, so the alert follows the story within seconds instead of at the next 5-minute poll.
  onBreaking: async () => {
    console.log("demo: breaking military-base stories published; polling now");
    await runtime?.pollNow();
  },
});
console.log(`demo feeds served at ${demo.url}/feeds/`);
await main({
  sources: demo.sources,
  dataDir,
  localAlerts: true,
  onStop: () => demo.close(),
  onStarted: async (rt, log) => {
    runtime = rt;
    const outbox = resolve(dataDir, "outbox.jsonl");
    console.log(
      `demo: subscribe to the topic military-bases at ${rt.url}/ (or POST ${rt.url}/alerts), then watch ${outbox}: ` +
        `a breaking military-base story arrives about ${BREAKING_AFTER_MS / 1000} s after start (or at once: curl -X POST ${demo.url}/demo/breaking)`,
    );
    // The demo NBK over loopback: no pause needed between days; one summary line instead of one per day.
    const today = almatyDate(new Date());
    const report = await backfillFx(
      { fetchFeed, fx: rt.stores.fx, log: silentLogger, now: () => new Date(), sleep: (ms) => sleep(ms) },
      { from: addDays(today, -HISTORY_DAYS), to: today, baseUrl: `${demo.url}/nbk`, pauseMs: 0, timeoutMs: fxSettings.timeoutMs, maxBytes: fxSettings.maxBytes, source: "demo-nbk" },
    );
    log.info("demo FX history filled", { days: report.days, stored: report.stored, skipped: report.skipped, failed: report.failed.length });
  },
});
