import { PublishCommand } from "@aws-sdk/client-sns";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AlertStores } from "../../functions/adapters/dynamo/alert-stores.js";
import { makeSnsNotifier } from "../../functions/adapters/sns/sns-notifier.js";
import type { AlertSettings } from "../../functions/config/alerts.js";
import type { TestDb } from "../helpers/local-dynamo.js";
import { alertsOn, headline, published, sns, snsClient, startAlertTest, type Clock } from "./alert-fixture.js";
import { subscribeDirect } from "./subscribe-direct.js";

let db: TestDb;
let clock: Clock;
beforeEach(async () => void ({ db, clock } = await startAlertTest()));
afterEach(() => db.close());

/** One process's alerts whose stores can be swapped for ones that fail on cue. */
const alertsWith = (stores: Partial<AlertStores> = {}, settings: Partial<AlertSettings> = {}) => alertsOn(db, clock, settings, { stores });

const bases = (id: string, minutesAgo = 10) =>
  headline(id, `Новая военная база ${id} появится в регионе`, clock, { publishedAt: new Date(clock.now.getTime() - minutesAgo * 60_000).toISOString() });

async function subscribe(_alerts: ReturnType<typeof alertsWith>) {
  const { topicKey } = await subscribeDirect(db, makeSnsNotifier(snsClient()), clock.now, { query: "военная база", channel: "sms", address: "+77011234567" });
  return topicKey;
}

/** The story ids of what was published, in order ("база a появится" -> "a"). */
const stories = () => published().map((p) => /база (\w+) появится/.exec(p.subject)?.[1] ?? p.subject);

const deliveryRecord = async (topicKey: string, itemKey: string) =>
  (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: `DELIV#${topicKey}`, sk: itemKey } }))).Item;

const dynamoDown = () => Object.assign(new Error("Throughput exceeds the current capacity"), { name: "ProvisionedThroughputExceededException" });

/** Moves the clock well past every lease and runs the delivery a few more times, as later polls would. */
async function laterRuns(alerts: ReturnType<typeof alertsWith>, runs = 3) {
  for (let i = 0; i < runs; i++) {
    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    await alerts.delivery.afterPoll();
  }
}

describe("after SNS accepted a publish, no later run publishes it again", () => {
  it("a markSent that fails once is retried in the same run, and the alert is sent once", async () => {
    const { deliveries } = db.stores.alertStores;
    let failures = 1;
    const alerts = alertsWith({
      deliveries: { ...deliveries, markSent: (...a) => (failures-- > 0 ? Promise.reject(dynamoDown()) : deliveries.markSent(...a)) },
    });
    const topicKey = await subscribe(alerts);
    await alerts.delivery.onNewHeadlines([bases("a")]);
    await alerts.delivery.afterPoll();
    await laterRuns(alerts);
    expect(published()).toHaveLength(1);
    expect((await deliveryRecord(topicKey, "STORY#a"))?.status).toBe("sent");
  });

  it("a markSent that keeps failing leaves the alert 'unconfirmed', never pending again", async () => {
    const { deliveries } = db.stores.alertStores;
    const alerts = alertsWith({ deliveries: { ...deliveries, markSent: () => Promise.reject(dynamoDown()) } });
    const topicKey = await subscribe(alerts);
    await alerts.delivery.onNewHeadlines([bases("a")]);
    await alerts.delivery.afterPoll();
    await laterRuns(alerts, 5);
    expect(published()).toHaveLength(1);
    const record = await deliveryRecord(topicKey, "STORY#a");
    expect(record).toMatchObject({ status: "unconfirmed", messageId: expect.stringMatching(/^m-/) });
    expect(await deliveries.pending(10)).toEqual([]);
  });

  it("a failed setWindow does not cost a second flood slot when the alert is retried", async () => {
    const { deliveries } = db.stores.alertStores;
    let failures = 1;
    const alerts = alertsWith(
      { deliveries: { ...deliveries, setWindow: (...a) => (failures-- > 0 ? Promise.reject(dynamoDown()) : deliveries.setWindow(...a)) } },
      { floodLimitPerHour: 2 },
    );
    await subscribe(alerts);
    // "a" broke first: it takes the first slot, fails to note it, and is retried in the next poll of the same hour.
    await alerts.delivery.onNewHeadlines([bases("a", 20), bases("b", 10)]);
    await alerts.delivery.afterPoll();
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    await alerts.delivery.afterPoll();
    expect(stories()).toEqual(["b", "a"]);
  });
});

describe("one flush per feed cycle", () => {
  it("onNewHeadlines only records; the cycle's afterPoll publishes the new headline", async () => {
    const alerts = alertsWith();
    await subscribe(alerts);
    await alerts.delivery.onNewHeadlines([bases("a")]);
    expect(published()).toEqual([]);
    await alerts.delivery.afterPoll();
    expect(stories()).toEqual(["a"]);
  });

  it("a cycle in which SNS refuses makes one attempt, so maxAttempts counts polls, not flushes", async () => {
    const alerts = alertsWith({}, { maxAttempts: 2 });
    const topicKey = await subscribe(alerts);
    sns.on(PublishCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottledException" }));
    await alerts.delivery.onNewHeadlines([bases("a")]);
    await alerts.delivery.afterPoll();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(await deliveryRecord(topicKey, "STORY#a")).toMatchObject({ status: "pending", attempts: 1 });
  });
});

describe("flood control order", () => {
  it("publishes the earliest-breaking stories first, in publication order; the newest wait for the summary", async () => {
    const alerts = alertsWith({}, { floodLimitPerHour: 2 });
    await subscribe(alerts);
    // Alphabetical order of the story ids is the reverse of publication order.
    await alerts.delivery.onNewHeadlines([bases("a", 5), bases("c", 30), bases("b", 15), bases("d", 40)]);
    await alerts.delivery.afterPoll();
    expect(stories()).toEqual(["d", "c"]);
    clock.now = new Date("2026-11-30T11:00:30.000Z");
    await alerts.delivery.afterPoll();
    // The hour's summary covers the two newest.
    expect(published()).toHaveLength(3);
    expect(published()[2]?.subject).toContain("2");
  });
});

describe("short links", () => {
  it("are written once per new alert, not again for every rerun of the same headlines", async () => {
    const { shortLinks } = db.stores.alertStores;
    let writes = 0;
    const alerts = alertsWith({ shortLinks: { ...shortLinks, shorten: (...a) => (writes++, shortLinks.shorten(...a)) } });
    await subscribe(alerts);
    await alerts.delivery.onNewHeadlines([bases("a")]);
    await alerts.delivery.onNewHeadlines([bases("a")]);
    await alerts.delivery.onNewHeadlines([bases("a"), headline("x", "Токаев совершит рабочую поездку в Давос", clock)]);
    await alerts.delivery.afterPoll();
    expect(writes).toBe(1);
    const id = /\/h\/([A-Za-z0-9_-]{8})/.exec(published()[0]!.sms)?.[1];
    expect(await shortLinks.resolve(id!, clock.now)).toBe("https://example.kz/articles/a");
  });
});
