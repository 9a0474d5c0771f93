import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AlertTopic } from "../../functions/core/alerts/alert-types.js";
import type { Logger } from "../../functions/core/logger.js";
import { stemmersLoaded } from "../../functions/core/query/index.js";
import { makeAlertMatcher } from "../../functions/jobs/match-alerts.js";
import { startTestDb, type TestDb } from "../helpers/local-dynamo.js";
import { headline, type Clock } from "./alert-fixture.js";

// Its own file: stemmersLoaded() is per process, and vitest gives every file a fresh one.
let db: TestDb;
const clock: Clock = { now: new Date("2026-11-30T10:05:00.000Z") };
beforeEach(async () => {
  db = await startTestDb();
});
afterEach(() => db.close());

function capture() {
  const lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: (msg, fields = {}) => lines.push({ level: "info", msg, fields }),
    warn: (msg, fields = {}) => lines.push({ level: "warn", msg, fields }),
    error: (msg, fields = {}) => lines.push({ level: "error", msg, fields }),
    child: () => log,
  };
  return { log, lines };
}

/** Stores an active topic the way POST /alerts leaves it, without going through the API (which stems). */
async function activeTopic(key: string, kind: AlertTopic["kind"], canonical: string) {
  const { alerts } = db.stores.alertStores;
  await alerts.upsertTopic({ key, kind, canonical, label: canonical, snsName: `dabyl-test-${key}`, topicArn: `arn:aws:sns:eu-central-1:111122223333:dabyl-test-${key}`, createdAt: clock.now.toISOString() });
  await alerts.addSubscriber(key, clock.now);
}

describe("the alert matcher", () => {
  it("lists FX topics without loading the stemmers, and loads them once a headline is matched", async () => {
    await activeTopic("q1", "query", "база военная");
    await activeTopic("fx1", "fx", "USD/KZT выше 520");
    const matcher = makeAlertMatcher(db.stores.alertStores.alerts, capture().log);
    expect((await matcher.topics("fx")).map((t) => t.key)).toEqual(["fx1"]);
    expect(stemmersLoaded()).toBe(false);
    const out = await matcher.match([headline("a", "Новая военная база появится в регионе", clock)]);
    expect(stemmersLoaded()).toBe(true);
    expect(out.map((m) => m.topics.map((t) => t.key))).toEqual([["q1"]]);
  });

  it("logs the topic key and the error of a stored query that cannot be indexed, and still matches the rest", async () => {
    await activeTopic("good", "query", "база военная");
    await activeTopic("broken", "query", '"база военная');
    const { log, lines } = capture();
    const matcher = makeAlertMatcher(db.stores.alertStores.alerts, log);
    const out = await matcher.match([headline("a", "Новая военная база появится в регионе", clock)]);
    expect(out.map((m) => m.topics.map((t) => t.key))).toEqual([["good"]]);
    const logged = lines.filter((l) => l.level !== "info");
    expect(logged).toEqual([{ level: "error", msg: expect.stringContaining("cannot be indexed"), fields: { topicKey: "broken", err: expect.stringMatching(/Error: .+/) } }]);
    // Logged once per topic-set version, not on every match.
    await matcher.match([headline("b", "Военная база", clock)]);
    expect(lines.filter((l) => l.level !== "info")).toHaveLength(1);
  });
});
