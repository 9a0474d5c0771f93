/** How an alert reaches its owner; SNS subscription protocols of the same names. */
export type Channel = "email" | "sms";

/**
 * "pending-confirmation" until an email subscriber clicks SNS's link; "pending-verification" until an
 * SMS subscriber sends back the code texted to the number (only then is the number subscribed in SNS).
 */
export type AlertStatus = "pending-confirmation" | "pending-verification" | "active" | "unsubscribed";

/** What an alert topic watches: a headline query, or an FX threshold condition. */
export type TopicKind = "query" | "fx";

/** The exact texts one publish carries: SNS sends `subject`+`email` to email and `sms` to phones. */
export interface AlertMessage {
  readonly subject: string;
  readonly email: string;
  readonly sms: string;
}

/** UI language of a message: the headline's language, Cyrillic Kazakh or Russian, or English. */
export type MessageLanguage = "ru" | "kk" | "en";

/** One alert topic: one SNS topic, shared by everyone who asked for the same canonical query or condition. */
export interface AlertTopic {
  readonly key: string;
  readonly kind: TopicKind;
  /** normalizeQuery's text, or the FX condition's canonical text. */
  readonly canonical: string;
  /** The curated topic's id when the topic is a curated one. */
  readonly topicId?: string | undefined;
  /** What messages say the subscriber is watching: the first subscriber's own wording, or a curated title. */
  readonly label: string;
  /** The subscribers' language, which words every message; undefined for topics made before languages. */
  readonly lang?: MessageLanguage | undefined;
  readonly snsName: string;
  readonly topicArn: string;
  readonly createdAt: string;
  readonly subscribers: number;
  /** When the topic last went from no subscribers to one; headlines stored before it never alert. */
  readonly activeSince?: string | undefined;
}

/** One person's alert. The address itself is not stored: SNS holds it; we keep a keyed hash for limits. */
export interface AlertSubscription {
  readonly id: string;
  readonly topicKey: string;
  readonly channel: Channel;
  readonly status: AlertStatus;
  /** SHA-256 of the manage token; the token itself exists only in the creator's hands. */
  readonly tokenHash: string;
  /** HMAC of the normalized address under a per-deployment secret. */
  readonly addressHash: string;
  /** Empty while an SMS alert waits for its code: the number is not in SNS yet. */
  readonly subscriptionArn: string;
  readonly createdAt: string;
  readonly lang?: MessageLanguage | undefined;
  /** Pending SMS only: the code's HMAC, its expiry, wrong tries so far, codes sent and when the last went out. */
  readonly codeHash?: string | undefined;
  readonly codeExpiresAt?: string | undefined;
  readonly codeAttempts?: number | undefined;
  readonly codeSends?: number | undefined;
  readonly codeSentAt?: string | undefined;
  /** Pending SMS only: the number, sealed with the manage token (sealAddress), needed to subscribe it once verified. */
  readonly sealedAddress?: string | undefined;
  /** Epoch seconds: DynamoDB drops an SMS sign-up never verified. */
  readonly expiresAt?: number | undefined;
}

/** "unconfirmed": SNS accepted the publish but "sent" could not be recorded; it is never published again. */
export type DeliveryStatus = "pending" | "sent" | "unconfirmed" | "held" | "failed";

/** One (topic, story) alert: recorded before publishing so a crash or retry never loses or repeats it. */
export interface Delivery {
  readonly topicKey: string;
  /** "STORY#<storyId>" or "FX#<date>#<rate>". */
  readonly itemKey: string;
  readonly status: DeliveryStatus;
  /** The texts composed when the alert was recorded; retries send exactly these. */
  readonly message: AlertMessage;
  readonly createdAt: string;
  readonly attempts: number;
  /** Start of the flood window whose slot this delivery holds, once reserved. */
  readonly window?: string | undefined;
  /** When the story was published (headline alerts); orders the pending queue within one run. */
  readonly publishedAt?: string | undefined;
  /** The article the message's short link points to; the link is stored only when the message goes out. */
  readonly link?: string | undefined;
  readonly lastError?: string | undefined;
}

/** One topic's clock hour: slots used, alerts held back, and how many of those a summary covered. */
export interface FloodWindow {
  readonly topicKey: string;
  readonly start: string;
  readonly end: string;
  readonly sent: number;
  readonly held: number;
  readonly summarized: number;
}
