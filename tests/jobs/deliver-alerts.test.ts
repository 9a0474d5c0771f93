import { PublishCommand } from "@aws-sdk/client-sns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { smsLength } from "../../functions/core/alerts/index.js";
import type { TestDb } from "../helpers/local-dynamo.js";
import { alertsOn, headline, published, sns, startAlertTest, type Clock } from "./alert-fixture.js";

let db: TestDb;
let clock: Clock;
beforeEach(async () => void ({ db, clock } = await startAlertTest()));
afterEach(() => db.close());

/** One feed poll as the handlers run it: pollFeeds' hook records, then afterPoll publishes. */
async function cycle(alerts: ReturnType<typeof alertsOn>, items: Parameters<ReturnType<typeof alertsOn>["delivery"]["onNewHeadlines"]>[0]) {
  await alerts.delivery.onNewHeadlines(items);
  await alerts.delivery.afterPoll();
}
const bases = (id: string, extra = {}) => headline(id, `Новая военная база ${id} появится в регионе`, clock, extra);
// Email: its sign-up subscribes at once (SNS mails the confirmation), so these tests need no SMS code round trip.
async function subscribe(alerts: ReturnType<typeof alertsOn>, target: { query?: string; topic?: string; fx?: string; lang?: "ru" | "kk" | "en" }, address = "reader@example.kz") {
  const r = await alerts.api.create({ ...target, channel: "email", address, client: "127.0.0.1" });
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
}

describe("delivering headline alerts", () => {
  it("publishes once per (topic, story): the same story from two sources, and the same batch again, make one alert", async () => {
    const alerts = alertsOn(db, clock);
    await subscribe(alerts, { query: "военная база" });
    const a = bases("a", { storyId: "story-1" });
    const b = bases("b", { storyId: "story-1", source: "demo-kk" });
    const other = headline("c", "Токаев совершит рабочую поездку в Давос", clock);
    await alerts.delivery.onNewHeadlines([a, b, other]);
    await alerts.delivery.onNewHeadlines([b]);
    await alerts.delivery.afterPoll();
    const out = published();
    expect(out).toHaveLength(1);
    expect(out[0]?.topic).toMatch(/^dabyl-test-[0-9a-f]{20}$/);
    expect(out[0]?.subject).toBe("dabyl: Новая военная база a появится в регионе");
    expect(out[0]?.sms).toMatch(/^dabyl: Новая военная база a появится в регионе https:\/\/api\.dabyl\.kz\/h\/[A-Za-z0-9_-]{8} STOP - отписка$/);
    expect(smsLength(out[0]!.sms).segments).toBeLessThanOrEqual(2);
  });

  it("gives each matching topic its own publish: a query and the curated topic are two SNS topics", async () => {
    const alerts = alertsOn(db, clock);
    await subscribe(alerts, { query: "военная база" });
    await subscribe(alerts, { topic: "military-bases" }, "other@example.kz");
    await cycle(alerts, [bases("a")]);
    const topicsHit = published().map((p) => p.topic);
    expect(topicsHit).toHaveLength(2);
    expect(new Set(topicsHit).size).toBe(2);
  });

  it("leaves an alert SNS refused pending and sends it once on the next run", async () => {
    const alerts = alertsOn(db, clock);
    await subscribe(alerts, { query: "военная база" });
    sns.on(PublishCommand).rejectsOnce(Object.assign(new Error("Rate exceeded"), { name: "ThrottledException" })).resolves({ MessageId: "m" });
    await cycle(alerts, [bases("a")]);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    await alerts.delivery.afterPoll();
    await alerts.delivery.afterPoll();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
    const pending = await db.stores.alertStores.deliveries.pending(10);
    expect(pending).toEqual([]);
  });

  it("gives up after the configured number of attempts instead of retrying forever", async () => {
    const alerts = alertsOn(db, clock, { maxAttempts: 2 });
    await subscribe(alerts, { query: "военная база" });
    sns.on(PublishCommand).rejects(Object.assign(new Error("Invalid parameter"), { name: "InvalidParameterException" }));
    await alerts.delivery.onNewHeadlines([bases("a")]);
    for (let i = 0; i < 3; i++) await alerts.delivery.afterPoll();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
  });

  it("two runs at once (two Lambdas, the same new headlines) publish each alert once", async () => {
    const first = alertsOn(db, clock);
    const second = alertsOn(db, clock);
    await subscribe(first, { query: "военная база" });
    const batch = [bases("a"), bases("b"), bases("c")];
    await Promise.all([first.delivery.onNewHeadlines(batch), second.delivery.onNewHeadlines(batch), first.delivery.afterPoll(), second.delivery.afterPoll()]);
    await Promise.all([first.delivery.afterPoll(), second.delivery.afterPoll()]);
    expect(published().map((p) => p.subject).sort()).toEqual([
      "dabyl: Новая военная база a появится в регионе",
      "dabyl: Новая военная база b появится в регионе",
      "dabyl: Новая военная база c появится в регионе",
    ]);
  });

  it("does not steal an alert another run is publishing, and picks it up once that run's claim lapses (a crash)", async () => {
    const alerts = alertsOn(db, clock, { leaseSeconds: 60 });
    await subscribe(alerts, { query: "военная база" });
    const { deliveries } = db.stores.alertStores;
    // A run records and claims, then dies before publishing.
    const [topic] = await db.stores.alertStores.alerts.activeTopics();
    await deliveries.record({ topicKey: topic!.key, itemKey: "STORY#x", message: { subject: "s", email: "e", sms: "dabyl: x" } }, clock.now, 30);
    expect(await deliveries.claim(topic!.key, "STORY#x", clock.now, 60)).toBeDefined();
    await alerts.delivery.afterPoll();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    clock.now = new Date(clock.now.getTime() + 61_000);
    await alerts.delivery.afterPoll();
    await alerts.delivery.afterPoll();
    expect(published().map((p) => p.sms)).toEqual(["dabyl: x"]);
  });

  it("never sends the backlog: headlines stored before the subscription, or published long ago, do not alert", async () => {
    const alerts = alertsOn(db, clock);
    await alerts.delivery.onNewHeadlines([bases("early")]);
    await subscribe(alerts, { query: "военная база" });
    await alerts.delivery.afterPoll();
    await cycle(alerts, [bases("archive", { publishedAt: "2026-11-27T10:00:00.000Z" })]);
    expect(published()).toEqual([]);
    await cycle(alerts, [bases("fresh")]);
    expect(published().map((p) => p.subject)).toEqual(["dabyl: Новая военная база fresh появится в регионе"]);
  });

  it("stops matching a topic once its last subscriber leaves (the cached index follows)", async () => {
    const alerts = alertsOn(db, clock);
    const sub = await subscribe(alerts, { query: "военная база" });
    await cycle(alerts, [bases("a")]);
    await alerts.api.remove(sub.id, sub.manageToken);
    await cycle(alerts, [bases("b")]);
    expect(published()).toHaveLength(1);
  });
});

describe("flood control", () => {
  it("sends 10 alerts per topic per hour, then one 'and N more' summary after the hour", async () => {
    const alerts = alertsOn(db, clock);
    await subscribe(alerts, { query: "военная база" });
    const ids = Array.from({ length: 13 }, (_, i) => `n${i}`);
    await cycle(alerts, ids.slice(0, 8).map((id) => bases(id)));
    clock.now = new Date("2026-11-30T10:40:00.000Z");
    await cycle(alerts, ids.slice(8).map((id) => bases(id)));
    expect(published()).toHaveLength(10);

    clock.now = new Date("2026-11-30T11:00:30.000Z");
    await alerts.delivery.afterPoll();
    await alerts.delivery.afterPoll();
    const out = published();
    expect(out).toHaveLength(11);
    const summary = out[10]!;
    // The label keeps the subscriber's own wording, not the canonical (sorted) form.
    expect(summary.subject).toBe("dabyl: ещё 3 новости по «военная база»");
    expect(summary.email).toContain("С 15:00 до 16:00 (Алматы)");
    expect(summary.email).toContain("https://api.dabyl.kz/headlines?q=%D0%B1%D0%B0%D0%B7%D0%B0%20%D0%B2%D0%BE%D0%B5%D0%BD%D0%BD%D0%B0%D1%8F");
    expect(summary.sms).toMatch(/https:\/\/api\.dabyl\.kz\/h\/[A-Za-z0-9_-]{8}/);

    // A new hour has fresh slots.
    await cycle(alerts, [bases("next-hour")]);
    expect(published()).toHaveLength(12);
  });
});

describe("FX threshold alerts", () => {
  it("hands the poller the subscribed conditions and publishes each crossing once", async () => {
    const alerts = alertsOn(db, clock);
    // An English-speaking subscriber who typed the condition in Russian: wording follows the alert's language.
    await subscribe(alerts, { fx: "USD/KZT выше 520", lang: "en" });
    const conditions = await alerts.delivery.fxConditions();
    expect(conditions).toEqual([{ id: expect.any(String), condition: expect.objectContaining({ kind: "above", pair: "USD/KZT", threshold: 520 }) }]);
    const event = {
      conditionId: conditions[0]!.id,
      kind: "above" as const,
      pair: "USD/KZT",
      rate: 521.3,
      previousRate: 518.9,
      date: "2026-11-30",
      text: "USD/KZT rose above 520: 521.30 on 2026-11-30 (was 518.90)",
    };
    await alerts.delivery.onFxEvents([event]);
    await alerts.delivery.onFxEvents([event]);
    const out = published();
    expect(out).toHaveLength(1);
    expect(out[0]?.sms).toBe("dabyl: USD/KZT rose above 520: 521.30 on 2026-11-30 (was 518.90) Reply STOP to opt out");
    expect(out[0]?.email).toContain("dabyl alert for: USD/KZT выше 520");
  });
});
