import type { AlertMessage, AlertStatus, Channel } from "../../core/alerts/alert-types.js";

/** The alerts' port to SNS (or to the local outbox that stands in for it). */
export interface Notifier {
  /** "sns" sends for real; "local" writes the outbox file instead. */
  readonly kind: "sns" | "local";
  /** Creates the topic unless it exists (SNS CreateTopic is idempotent by name); returns its ARN. */
  ensureTopic(name: string): Promise<string>;
  /** Subscribes an address; email stays "pending-confirmation" until its owner clicks SNS's link. */
  subscribe(topicArn: string, channel: Channel, address: string): Promise<{ subscriptionArn: string; status: Exclude<AlertStatus, "unsubscribed"> }>;
  /** Ends a subscription; one that is already gone counts as done. */
  unsubscribe(subscriptionArn: string): Promise<void>;
  /** Asks SNS whether the subscription is confirmed, pending, or gone. */
  subscriptionStatus(subscriptionArn: string): Promise<AlertStatus>;
  /** Publishes to every subscriber: email gets subject and body, SMS the short text. */
  publish(topicArn: string, message: AlertMessage): Promise<{ messageId: string }>;
  /** One SMS to one number, outside any topic (verification codes, the "alerts are on" notice). */
  sendSms(phoneNumber: string, text: string): Promise<{ messageId: string }>;
}

/** The outbox "topic" of SMS sent to one number (the number itself is never written). */
export const DIRECT_SMS_TOPIC = "direct-sms";

/** The exact Message parameter of a per-protocol publish (MessageStructure "json"). */
export function snsMessageJson(message: AlertMessage): string {
  // "default" is required and reaches protocols without their own key (http, sqs); the email body fits them best.
  return JSON.stringify({ default: message.email, email: message.email, sms: message.sms });
}
