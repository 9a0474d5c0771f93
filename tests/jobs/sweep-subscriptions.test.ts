import { GetSubscriptionAttributesCommand, PublishCommand } from "@aws-sdk/client-sns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSnsNotifier } from "../../functions/adapters/sns/sns-notifier.js";
import { silentLogger } from "../../functions/core/logger.js";
import { sweepSubscriptions } from "../../functions/jobs/sweep-subscriptions.js";
import { captureLog } from "../helpers/capture-log.js";
import type { TestDb } from "../helpers/local-dynamo.js";
import { alertsOn, headline, published, sns, snsClient, startAlertTest, type Clock } from "./alert-fixture.js";
import { subscribeDirect } from "./subscribe-direct.js";

let db: TestDb;
let clock: Clock;
beforeEach(async () => void ({ db, clock } = await startAlertTest()));
afterEach(() => db.close());

const HOUR = 3_600_000;
const { log, lines } = captureLog();
const alertsLogged = () => alertsOn(db, clock, {}, { log });

async function subscribe(_alerts: ReturnType<typeof alertsLogged>, query: string, channel: "sms" | "email", address: string) {
  const { id, subscriptionArn } = await subscribeDirect(db, makeSnsNotifier(snsClient()), clock.now, { query, channel, address });
  return { id, arn: subscriptionArn };
}

/** SNS knows every subscription as confirmed except the ARNs in `gone`. */
function snsKnowsAllBut(gone: Set<string>) {
  sns.on(GetSubscriptionAttributesCommand).callsFake((input: { SubscriptionArn: string }) => {
    if (gone.has(input.SubscriptionArn)) throw Object.assign(new Error("Subscription does not exist"), { name: "NotFoundException" });
    return { Attributes: { PendingConfirmation: "false" } };
  });
}
const checks = () => sns.commandCalls(GetSubscriptionAttributesCommand).map((c) => c.args[0].input.SubscriptionArn);

describe("sweeping subscriptions SNS ended on its side", () => {
  it("forgets an opted-out phone so its topic stops matching, and notices a confirmed email, once a day", async () => {
    const alerts = alertsLogged();
    const phone = await subscribe(alerts, "военная база", "sms", "+77011234567");
    const email = await subscribe(alerts, "Токаев", "email", "reader@example.kz");
    expect((await db.stores.alertStores.alerts.getSubscription(email.id))?.status).toBe("pending-confirmation");
    snsKnowsAllBut(new Set([phone.arn]));

    await alerts.delivery.afterPoll();
    expect(checks().sort()).toEqual([phone.arn, email.arn].sort());
    expect(await db.stores.alertStores.alerts.getSubscription(phone.id)).toBeUndefined();
    expect((await db.stores.alertStores.alerts.getSubscription(email.id))?.status).toBe("active");

    await alerts.delivery.onNewHeadlines([headline("a", "Новая военная база появится в регионе", clock), headline("b", "Токаев совершит рабочую поездку в Давос", clock)]);
    await alerts.delivery.afterPoll();
    expect(published().map((p) => p.subject)).toEqual([expect.stringContaining("Токаев совершит рабочую поездку в Давос")]);

    // Later polls the same day do not ask SNS again; the next day does.
    clock.now = new Date(clock.now.getTime() + 6 * HOUR);
    await alerts.delivery.afterPoll();
    expect(checks()).toHaveLength(2);
    clock.now = new Date(clock.now.getTime() + 19 * HOUR);
    await alerts.delivery.afterPoll();
    expect(checks()).toHaveLength(3);

    const logged = lines.join("\n");
    expect(logged).not.toContain("77011234567");
    expect(logged).not.toContain("reader@example.kz");
    expect(logged).toContain("subscription ended at SNS");
  });

  it("asks SNS about at most maxChecks subscriptions per run, least recently checked first", async () => {
    const alerts = alertsLogged();
    const subs = [
      await subscribe(alerts, "военная база", "sms", "+77011234561"),
      await subscribe(alerts, "Токаев", "sms", "+77011234562"),
      await subscribe(alerts, "Давос", "sms", "+77011234563"),
    ];
    snsKnowsAllBut(new Set());
    clock.now = new Date(clock.now.getTime() + 60_000);
    const deps = { ...db.stores.alertStores, notifier: makeSnsNotifier(snsClient()), log: silentLogger, now: () => clock.now };
    expect(await sweepSubscriptions(deps, { maxChecks: 2 })).toEqual({ checked: 2, forgotten: 0, confirmed: 0 });
    expect(await sweepSubscriptions(deps, { maxChecks: 2 })).toBeUndefined();
    clock.now = new Date(clock.now.getTime() + 24 * HOUR);
    await sweepSubscriptions(deps, { maxChecks: 2 });
    const asked = checks();
    expect(asked).toHaveLength(4);
    expect(asked.slice(0, 2).sort()).toEqual([subs[0]!.arn, subs[1]!.arn].sort());
    expect(asked[2]).toBe(subs[2]!.arn);
  });

  it("a sweep that fails (SNS throttling) does not stop alerts from going out", async () => {
    const alerts = alertsLogged();
    await subscribe(alerts, "военная база", "sms", "+77011234567");
    sns.on(GetSubscriptionAttributesCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottledException" }));
    await alerts.delivery.onNewHeadlines([headline("a", "Новая военная база появится в регионе", clock)]);
    await alerts.delivery.afterPoll();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });
});
