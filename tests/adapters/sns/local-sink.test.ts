import { describe, expect, it } from "vitest";
import { makeLocalSink } from "../../../functions/adapters/sns/local-sink.js";
import { silentLogger } from "../../../functions/core/logger.js";

// Real SNS Subscribe returns the existing subscription's ARN for the same topic, protocol and endpoint.
describe("local sink subscriptions behave like SNS's", () => {
  it("returns the same subscription ARN for the same topic and endpoint, another for anything else", async () => {
    const sink = makeLocalSink(null, silentLogger);
    const t1 = await sink.ensureTopic("dabyl-local-one");
    const t2 = await sink.ensureTopic("dabyl-local-two");
    const first = await sink.subscribe(t1, "sms", "+77011234567");
    expect((await sink.subscribe(t1, "sms", "+77011234567")).subscriptionArn).toBe(first.subscriptionArn);
    const others = [
      await sink.subscribe(t1, "sms", "+77011234568"),
      await sink.subscribe(t2, "sms", "+77011234567"),
      await sink.subscribe(t1, "email", "a@b.kz"),
    ].map((s) => s.subscriptionArn);
    expect(new Set([first.subscriptionArn, ...others]).size).toBe(4);
    expect(first.subscriptionArn.startsWith(`${t1}:`)).toBe(true);
    expect(first.subscriptionArn).not.toContain("77011234567");
  });

  it("after an unsubscribe, subscribing again makes a new live subscription and the old ARN stays gone", async () => {
    const sink = makeLocalSink(null, silentLogger);
    const topic = await sink.ensureTopic("dabyl-local-one");
    const old = await sink.subscribe(topic, "email", "a@b.kz");
    await sink.unsubscribe(old.subscriptionArn);
    const again = await sink.subscribe(topic, "email", "a@b.kz");
    expect(again.subscriptionArn).not.toBe(old.subscriptionArn);
    expect(await sink.subscriptionStatus(again.subscriptionArn)).toBe("active");
    expect(await sink.subscriptionStatus(old.subscriptionArn)).toBe("unsubscribed");
  });
});
