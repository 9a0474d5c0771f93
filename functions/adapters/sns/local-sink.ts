import { createHash, randomUUID } from "node:crypto";
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "../../core/logger.js";
import { DIRECT_SMS_TOPIC, type Notifier } from "./notifier.js";

/** One line of DABYL_DATA_DIR/outbox.jsonl: what SNS would have carried, and to which topic. */
export interface OutboxLine {
  readonly at: string;
  readonly topic: string;
  readonly messageId: string;
  readonly subject: string;
  readonly email: string;
  readonly sms: string;
}

const PREFIX = "arn:local:sns:local:000000000000:";

/**
 * Stands in for SNS when there are no AWS credentials: every publish becomes a console line and a
 * line in the outbox file with the exact subject, email body and SMS text. Subscriptions exist only
 * here (there is nobody to send a confirmation mail to, so email counts as confirmed). Addresses
 * are never written anywhere.
 */
export function makeLocalSink(outboxPath: string | null, log: Logger, now: () => Date = () => new Date()): Notifier {
  const unsubscribed = new Set<string>();
  // Like SNS: Subscribe for a topic and endpoint that already has a live subscription returns that
  // subscription's ARN; after an unsubscribe the same endpoint gets a new one. The ARN is a salted
  // hash: a phone number's plain hash could be reversed by trying every number.
  const salt = randomUUID();
  const endpointOf = new Map<string, string>();
  const ended = new Map<string, number>();
  let dirReady: Promise<unknown> | undefined;
  return {
    kind: "local",
    async ensureTopic(name) {
      return PREFIX + name;
    },
    async subscribe(topicArn, channel, address) {
      const endpoint = `${topicArn}\n${channel}\n${address}`;
      const id = createHash("sha256").update(`${salt}\n${endpoint}\n${ended.get(endpoint) ?? 0}`).digest("hex");
      const subscriptionArn = `${topicArn}:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
      endpointOf.set(subscriptionArn, endpoint);
      return { subscriptionArn, status: "active" };
    },
    async unsubscribe(subscriptionArn) {
      if (unsubscribed.has(subscriptionArn)) return;
      unsubscribed.add(subscriptionArn);
      const endpoint = endpointOf.get(subscriptionArn);
      if (endpoint !== undefined) ended.set(endpoint, (ended.get(endpoint) ?? 0) + 1);
    },
    async subscriptionStatus(subscriptionArn) {
      return unsubscribed.has(subscriptionArn) ? "unsubscribed" : "active";
    },
    async publish(topicArn, message) {
      const topic = topicArn.startsWith(PREFIX) ? topicArn.slice(PREFIX.length) : topicArn;
      const line: OutboxLine = { at: now().toISOString(), topic, messageId: randomUUID(), ...message };
      if (outboxPath) {
        dirReady ??= mkdir(dirname(outboxPath), { recursive: true });
        await dirReady;
        await appendFile(outboxPath, JSON.stringify(line) + "\n", "utf8");
      }
      log.info("alert written to the local outbox", { topic, subject: message.subject, sms: message.sms });
      return { messageId: line.messageId };
    },
    async sendSms(_phoneNumber, text) {
      // One number's SMS (a verification code): the outbox gets the text; the console neither the number nor the code.
      const line: OutboxLine = { at: now().toISOString(), topic: DIRECT_SMS_TOPIC, messageId: randomUUID(), subject: "", email: "", sms: text };
      if (outboxPath) {
        dirReady ??= mkdir(dirname(outboxPath), { recursive: true });
        await dirReady;
        await appendFile(outboxPath, JSON.stringify(line) + "\n", "utf8");
      }
      log.info("SMS written to the local outbox", { topic: DIRECT_SMS_TOPIC });
      return { messageId: line.messageId };
    },
  };
}
