import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  PublishCommand,
  type SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from "@aws-sdk/client-sns";
import { DabylError } from "../../core/errors.js";
import { snsMessageJson, type Notifier } from "./notifier.js";

export class AlertDeliveryError extends DabylError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("sns_failed", message, options);
  }
}

const gone = (e: unknown): boolean => {
  const name = (e as Error).name;
  return name === "NotFoundException" || name === "NotFound" || name === "ResourceNotFoundException";
};

/**
 * Real SNS through the given client, which the caller builds once per process (make-notifier.ts
 * shares one): a client per notifier would redo credential and endpoint setup on every cold path.
 * AWS_ENDPOINT_URL_SNS redirects it (SDK behaviour).
 */
export function makeSnsNotifier(client: SNSClient): Notifier {
  // CreateTopic is idempotent but still a request; topic ARNs never change, so remember them.
  const arns = new Map<string, string>();
  return {
    kind: "sns",
    async ensureTopic(name) {
      const known = arns.get(name);
      if (known) return known;
      const res = await client.send(new CreateTopicCommand({ Name: name }));
      if (!res.TopicArn) throw new AlertDeliveryError(`SNS created topic ${name} but returned no ARN`);
      arns.set(name, res.TopicArn);
      return res.TopicArn;
    },
    async subscribe(topicArn, channel, address) {
      const res = await client.send(
        new SubscribeCommand({ TopicArn: topicArn, Protocol: channel, Endpoint: address, ReturnSubscriptionArn: true }),
      );
      if (!res.SubscriptionArn) throw new AlertDeliveryError("SNS accepted the subscription but returned no ARN");
      // SMS needs no confirmation; email does, and SNS mails the link itself.
      return { subscriptionArn: res.SubscriptionArn, status: channel === "sms" ? "active" : "pending-confirmation" };
    },
    async unsubscribe(subscriptionArn) {
      try {
        await client.send(new UnsubscribeCommand({ SubscriptionArn: subscriptionArn }));
      } catch (e) {
        if (!gone(e)) throw e;
      }
    },
    async subscriptionStatus(subscriptionArn) {
      try {
        const res = await client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }));
        return res.Attributes?.PendingConfirmation === "true" ? "pending-confirmation" : "active";
      } catch (e) {
        // Unsubscribed through SNS's own link, or a pending confirmation that expired.
        if (gone(e)) return "unsubscribed";
        throw e;
      }
    },
    async publish(topicArn, message) {
      const res = await client.send(
        new PublishCommand({ TopicArn: topicArn, MessageStructure: "json", Subject: message.subject, Message: snsMessageJson(message) }),
      );
      return { messageId: res.MessageId ?? "" };
    },
    async sendSms(phoneNumber, text) {
      // Publish by PhoneNumber: no topic, so IAM must allow sns:Publish on "*" (a number has no ARN).
      const res = await client.send(
        new PublishCommand({
          PhoneNumber: phoneNumber,
          Message: text,
          MessageAttributes: { "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" } },
        }),
      );
      return { messageId: res.MessageId ?? "" };
    },
  };
}
