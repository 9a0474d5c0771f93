/** How an alert reaches its owner; SNS subscription protocols of the same names. */
export type Channel = "email" | "sms";

/** "pending-confirmation" until an email subscriber clicks SNS's link; SMS starts "active". */
export type AlertStatus = "pending-confirmation" | "active" | "unsubscribed";

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
