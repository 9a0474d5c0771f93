import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import type { AlertStores } from "../../functions/adapters/dynamo/alert-stores.js";
import { makeSnsNotifier } from "../../functions/adapters/sns/sns-notifier.js";
import { alertSettings, type AlertSettings } from "../../functions/config/alerts.js";
import { topics } from "../../functions/config/topics.js";
import type { Headline } from "../../functions/core/feeds/headline.js";
import { silentLogger, type Logger } from "../../functions/core/logger.js";
import { makeAlerts } from "../../functions/jobs/make-alerts.js";
import { startTestDb, type TestDb } from "../helpers/local-dynamo.js";

export const sns = mockClient(SNSClient);

/** SNS as the tests see it: topics get ARNs from their names, subscriptions and publishes succeed. */
export function resetSns(): void {
  sns.reset();
  sns.on(CreateTopicCommand).callsFake((input: { Name: string }) => ({ TopicArn: `arn:aws:sns:eu-central-1:111122223333:${input.Name}` }));
  let n = 0;
  sns.on(SubscribeCommand).callsFake((input: { TopicArn: string }) => ({ SubscriptionArn: `${input.TopicArn}:sub-${++n}` }));
  sns.on(UnsubscribeCommand).resolves({});
  sns.on(PublishCommand).callsFake(() => ({ MessageId: `m-${++n}` }));
}

export const snsClient = () => new SNSClient({ region: "eu-central-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });

export interface Clock {
  now: Date;
}

/** Each test's start: SNS as resetSns leaves it, a fresh table, and a clock at a fixed morning. */
export async function startAlertTest(): Promise<{ db: TestDb; clock: Clock }> {
  resetSns();
  return { db: await startTestDb(), clock: { now: new Date("2026-11-30T10:05:00.000Z") } };
}

/** One process's alerts (a Lambda instance) over the shared test table; `stores` swaps in ones that fail on cue. */
export function alertsOn(db: TestDb, clock: Clock, settings: Partial<AlertSettings> = {}, opts: { stores?: Partial<AlertStores>; log?: Logger } = {}) {
  return makeAlerts({
    stores: { ...db.stores.alertStores, ...opts.stores },
    notifier: makeSnsNotifier(snsClient()),
    log: opts.log ?? silentLogger,
    settings: { ...alertSettings, ...settings },
    stage: "test",
    publicUrl: "https://api.dabyl.kz",
    topics,
    now: () => clock.now,
  });
}

export function headline(id: string, title: string, clock: Clock, extra: Partial<Headline> = {}): Headline {
  return {
    id,
    source: "demo-ru",
    title,
    summary: "",
    link: `https://example.kz/articles/${id}`,
    publishedAt: new Date(clock.now.getTime() - 10 * 60_000).toISOString(),
    lang: "ru",
    storyId: id,
    ...extra,
  };
}

/** What was published: topic name, subject, email and SMS texts, in order. */
export function published() {
  return sns.commandCalls(PublishCommand).map((c) => {
    const input = c.args[0].input;
    const body = JSON.parse(input.Message ?? "{}") as { email: string; sms: string };
    return { topic: (input.TopicArn ?? "").split(":").pop() ?? "", subject: input.Subject ?? "", email: body.email, sms: body.sms };
  });
}
