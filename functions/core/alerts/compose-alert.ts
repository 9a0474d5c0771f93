import type { AlertMessage, MessageLanguage } from "./alert-types.js";
import { formatLocalTime } from "./format-local-time.js";
import { messageLabels, messageLanguage } from "./message-labels.js";
import { fitSms } from "./sms-segments.js";

/** SNS refuses subjects of 100 characters or more, or with line breaks or control characters. */
export const MAX_SUBJECT_LENGTH = 99;
/** Email summaries longer than this are cut: the link carries the rest. */
const MAX_SUMMARY_CHARS = 1500;
/** Every alert SMS fits in this many segments (each one is billed). */
export const MAX_SMS_SEGMENTS = 2;

const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();

function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, max - 1).join("").trimEnd() + "…";
}

/** A one-line subject SNS accepts: no control characters, under 100 characters. */
export function emailSubject(text: string): string {
  return cut(oneLine(text), MAX_SUBJECT_LENGTH);
}

export interface HeadlineAlertInput {
  readonly title: string;
  readonly source: string;
  readonly link: string;
  readonly summary: string;
  readonly publishedAt: string;
  /** The headline's language code; picks the wording around it. */
  readonly lang: string;
  /** The API's short link to the article (GET /h/{shortId}). */
  readonly shortUrl: string;
  /** What the subscriber asked for: a curated topic's title or the query text. */
  readonly watching: string;
  readonly timezone: string;
  /** The alert topic's language (its subscribers'); without it, the headline's language words the message. */
  readonly messageLang?: MessageLanguage | undefined;
  /** DABYL_PUBLIC_URL; without it, the short link's base stands in (short links live under it). */
  readonly publicUrl?: string | undefined;
}

/** The public URL a short link `<publicUrl>/h/<id>` was made under. */
function baseOf(shortUrl: string): string | undefined {
  const m = /^(https?:\/\/.+)\/h\/[^/]+$/.exec(shortUrl);
  return m?.[1];
}

/** The page that tells a reader how to stop an alert: `<publicUrl>/unsubscribe`. */
export function unsubscribeUrl(publicUrl: string | undefined): string | undefined {
  return publicUrl === undefined ? undefined : `${publicUrl.replace(/\/+$/, "")}/unsubscribe`;
}

/** The email (subject and body) and the SMS of one headline alert. */
export function composeHeadlineAlert(input: HeadlineAlertInput): AlertMessage {
  const lang = input.messageLang ?? messageLanguage(input.lang);
  const l = messageLabels[lang];
  const title = oneLine(input.title);
  const summary = cut(input.summary.trim(), MAX_SUMMARY_CHARS);
  const lines = [
    title,
    "",
    `${l.source}: ${input.source}`,
    `${l.time}: ${formatLocalTime(input.publishedAt, input.timezone)} (${l.zone})`,
    `${l.link}: ${input.link}`,
    ...(summary && summary !== title ? ["", summary] : []),
    "",
    "—",
    `${l.watching}: ${oneLine(input.watching)}`,
    l.unsubscribe(unsubscribeUrl(input.publicUrl ?? baseOf(input.shortUrl))),
  ];
  return {
    subject: emailSubject(`dabyl: ${title}`),
    email: lines.join("\n"),
    sms: fitSms(`dabyl: ${title}`, ` ${input.shortUrl} ${l.smsStop}`, MAX_SMS_SEGMENTS),
  };
}

export interface FloodSummaryInput {
  /** Alerts held back in the hour. */
  readonly count: number;
  readonly watching: string;
  /** Start and end of the hour, ISO. */
  readonly from: string;
  readonly to: string;
  /** Link to the same query as a search (GET /headlines?q=...), shortened for SMS. */
  readonly searchUrl: string;
  readonly shortSearchUrl: string;
  readonly limit: number;
  readonly lang: MessageLanguage;
  readonly timezone: string;
  readonly publicUrl?: string | undefined;
}

/** The one "and N more" message a flooded topic gets per hour. */
export function composeFloodSummary(input: FloodSummaryInput): AlertMessage {
  const l = messageLabels[input.lang];
  const watching = oneLine(input.watching);
  const time = (iso: string) => formatLocalTime(iso, input.timezone).slice(-5);
  const more = l.more(input.count, watching);
  return {
    subject: emailSubject(`dabyl: ${more}`),
    email: [
      l.moreBody(input.count, watching, time(input.from), time(input.to), input.limit),
      "",
      `${l.allOfThem}: ${input.searchUrl}`,
      "",
      "—",
      l.unsubscribe(unsubscribeUrl(input.publicUrl ?? baseOf(input.shortSearchUrl))),
    ].join("\n"),
    sms: fitSms(`dabyl: ${more}`, ` ${input.shortSearchUrl} ${l.smsStop}`, MAX_SMS_SEGMENTS),
  };
}

export interface FxAlertInput {
  /** The FX core's sentence, e.g. "USD/KZT rose above 520: 521.30 on 2026-11-30 (was 518.90)". */
  readonly text: string;
  readonly watching: string;
  /** The alert topic's language; English (the FX sentence's own) without it. */
  readonly lang?: MessageLanguage | undefined;
  readonly publicUrl?: string | undefined;
}

/** An FX threshold alert: the sentence is short enough to go whole in every channel. */
export function composeFxAlert(input: FxAlertInput): AlertMessage {
  const l = messageLabels[input.lang ?? "en"];
  const text = oneLine(input.text);
  return {
    subject: emailSubject(`dabyl: ${text}`),
    email: [text, "", l.fxOfficial, "", "—", `${l.watching}: ${oneLine(input.watching)}`, l.unsubscribe(unsubscribeUrl(input.publicUrl))].join("\n"),
    sms: fitSms(`dabyl: ${text}`, ` ${l.smsStop}`, MAX_SMS_SEGMENTS),
  };
}
