import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  NotFoundException,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeLocalSink, type OutboxLine } from "../../../functions/adapters/sns/local-sink.js";
import { makeNotifier } from "../../../functions/adapters/sns/make-notifier.js";
import { alertSink } from "../../../functions/adapters/resources.js";
import { makeSnsNotifier } from "../../../functions/adapters/sns/sns-notifier.js";
import { composeHeadlineAlert, smsLength } from "../../../functions/core/alerts/index.js";
import { captureLog } from "../../helpers/capture-log.js";

const sns = mockClient(SNSClient);
const client = () => new SNSClient({ region: "eu-central-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
const message = composeHeadlineAlert({
  title: "Костанайские спасатели ликвидировали пожар по повышенному рангу, " + "подробности ".repeat(12),
  source: "demo-ru",
  link: "https://example.kz/articles/kostanai-pozhar",
  summary: "Пожар ликвидирован.",
  publishedAt: "2026-11-30T10:00:00.000Z",
  lang: "ru",
  shortUrl: "https://api.dabyl.kz/h/Ab3_x9Qz",
  watching: "Пожары и спасатели",
  timezone: "Asia/Almaty",
});

beforeEach(() => sns.reset());

describe("makeSnsNotifier: the requests SNS receives", () => {
  it("creates topics by name, once per process", async () => {
    sns.on(CreateTopicCommand).resolves({ TopicArn: "arn:aws:sns:eu-central-1:1:dabyl-prod-abc" });
    const n = makeSnsNotifier(client());
    expect(await n.ensureTopic("dabyl-prod-abc")).toBe("arn:aws:sns:eu-central-1:1:dabyl-prod-abc");
    expect(await n.ensureTopic("dabyl-prod-abc")).toBe("arn:aws:sns:eu-central-1:1:dabyl-prod-abc");
    const calls = sns.commandCalls(CreateTopicCommand);
    expect(calls).toHaveLength(1);
    // No DisplayName: SNS would prefix every SMS with it ("NAME> ") and eat the two-segment budget.
    expect(calls[0]?.args[0].input).toEqual({ Name: "dabyl-prod-abc" });
  });

  it.each([
    ["email", "pending-confirmation"],
    ["sms", "active"],
  ] as const)("subscribes %s with ReturnSubscriptionArn and reports %s", async (channel, status) => {
    sns.on(SubscribeCommand).resolves({ SubscriptionArn: "arn:aws:sns:eu-central-1:1:dabyl-prod-abc:uuid" });
    const n = makeSnsNotifier(client());
    const address = channel === "email" ? "reader@example.kz" : "+77011234567";
    expect(await n.subscribe("arn:topic", channel, address)).toEqual({ subscriptionArn: "arn:aws:sns:eu-central-1:1:dabyl-prod-abc:uuid", status });
    expect(sns.commandCalls(SubscribeCommand)[0]?.args[0].input).toEqual({ TopicArn: "arn:topic", Protocol: channel, Endpoint: address, ReturnSubscriptionArn: true });
  });

  it("publishes per protocol: email gets subject and body, SMS the short text in at most 2 segments", async () => {
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
    const n = makeSnsNotifier(client());
    expect(await n.publish("arn:topic", message)).toEqual({ messageId: "m-1" });
    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input?.MessageStructure).toBe("json");
    expect(input?.Subject).toBe(message.subject);
    expect(input!.Subject!.length).toBeLessThan(100);
    const body = JSON.parse(input!.Message!) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(["default", "email", "sms"]);
    expect(body.email).toContain("Источник: demo-ru");
    expect(body.email).toContain("https://example.kz/articles/kostanai-pozhar");
    expect(body.sms).toContain("https://api.dabyl.kz/h/Ab3_x9Qz");
    expect(smsLength(body.sms!)).toMatchObject({ encoding: "ucs2" });
    expect(smsLength(body.sms!).segments).toBe(2);
    expect(Buffer.byteLength(input!.Message!)).toBeLessThan(262_144);
  });

  it.each([
    [{ Attributes: { PendingConfirmation: "true" } }, "pending-confirmation"],
    [{ Attributes: { PendingConfirmation: "false", Protocol: "email" } }, "active"],
  ])("reads confirmation status from GetSubscriptionAttributes", async (answer, status) => {
    sns.on(GetSubscriptionAttributesCommand).resolves(answer);
    expect(await makeSnsNotifier(client()).subscriptionStatus("arn:sub")).toBe(status);
  });

  it("treats a subscription SNS no longer knows as unsubscribed, and unsubscribing it again as done", async () => {
    const gone = new NotFoundException({ message: "Subscription does not exist", $metadata: {} });
    sns.on(GetSubscriptionAttributesCommand).rejects(gone);
    sns.on(UnsubscribeCommand).rejects(gone);
    const n = makeSnsNotifier(client());
    expect(await n.subscriptionStatus("arn:sub")).toBe("unsubscribed");
    await expect(n.unsubscribe("arn:sub")).resolves.toBeUndefined();
  });

  it("passes other SNS failures on", async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottledException" }));
    await expect(makeSnsNotifier(client()).publish("arn:topic", message)).rejects.toThrow("Rate exceeded");
  });
});

describe("makeSnsNotifier: one SMS to one number", () => {
  it("publishes by PhoneNumber as a transactional SMS, with no topic and no subject", async () => {
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
    const n = makeSnsNotifier(client());
    expect(await n.sendSms("+77011234567", "dabyl: your code is 123456.")).toEqual({ messageId: "m-1" });
    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input).toEqual({
      PhoneNumber: "+77011234567",
      Message: "dabyl: your code is 123456.",
      MessageAttributes: { "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" } },
    });
  });
});

describe("choosing SNS or the local sink", () => {
  it.each([
    [{}, "local"],
    [{ AWS_ACCESS_KEY_ID: "AKIA..." }, "sns"],
    [{ AWS_PROFILE: "dev" }, "sns"],
    [{ AWS_LAMBDA_FUNCTION_NAME: "poll" }, "sns"],
    [{ AWS_ENDPOINT_URL_SNS: "http://127.0.0.1:4566" }, "sns"],
    [{ AWS_ACCESS_KEY_ID: "" }, "local"],
    [{ AWS_ACCESS_KEY_ID: "AKIA...", DABYL_ALERTS: "local" }, "local"],
  ])("%j -> %s", (env, kind) => {
    expect(alertSink(env as NodeJS.ProcessEnv)).toBe(kind);
    expect(makeNotifier({ sink: alertSink(env as NodeJS.ProcessEnv), dataDir: null, log: captureLog().log }).kind).toBe(kind);
  });

  it("takes the SNS client from its caller, who builds one per process", () => {
    // @ts-expect-error the client is required: a default would build a new SNSClient per call
    expect(() => makeSnsNotifier()).not.toThrow();
  });
});

describe("local sink", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "dabyl-sink-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the exact texts SNS would carry to outbox.jsonl and the console, never an address", async () => {
    const { log, lines } = captureLog();
    const sink = makeNotifier({ sink: "local", dataDir: dir, log });
    const arn = await sink.ensureTopic("dabyl-local-abc");
    const sub = await sink.subscribe(arn, "sms", "+77011234567");
    expect(sub.status).toBe("active");
    await sink.publish(arn, message);
    await sink.publish(arn, message);
    const outbox = readFileSync(join(dir, "outbox.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as OutboxLine);
    expect(outbox).toHaveLength(2);
    expect(outbox[0]).toMatchObject({ topic: "dabyl-local-abc", subject: message.subject, email: message.email, sms: message.sms });
    const everything = readFileSync(join(dir, "outbox.jsonl"), "utf8") + lines.join("\n");
    expect(everything).not.toContain("+77011234567");
    expect(lines.some((l) => l.includes("dabyl-local-abc"))).toBe(true);
  });

  it("writes an SMS to one number to the outbox as direct-sms, with neither the number nor the text in the console", async () => {
    const { log, lines } = captureLog();
    const sink = makeNotifier({ sink: "local", dataDir: dir, log });
    await sink.sendSms("+77011234567", "dabyl: код подтверждения 042917. Действует 15 мин.");
    const outbox = readFileSync(join(dir, "outbox.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as OutboxLine);
    expect(outbox).toEqual([expect.objectContaining({ topic: "direct-sms", subject: "", email: "", sms: "dabyl: код подтверждения 042917. Действует 15 мин." })]);
    expect(readFileSync(join(dir, "outbox.jsonl"), "utf8")).not.toContain("77011234567");
    expect(lines.join("\n")).not.toMatch(/77011234567|042917/);
  });

  it("forgets unsubscribed subscriptions", async () => {
    const sink = makeLocalSink(null, captureLog().log);
    const { subscriptionArn } = await sink.subscribe(await sink.ensureTopic("t"), "email", "a@b.kz");
    expect(await sink.subscriptionStatus(subscriptionArn)).toBe("active");
    await sink.unsubscribe(subscriptionArn);
    expect(await sink.subscriptionStatus(subscriptionArn)).toBe("unsubscribed");
  });
});
