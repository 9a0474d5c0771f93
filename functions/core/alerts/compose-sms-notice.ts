import type { MessageLanguage } from "./alert-types.js";
import { messageLabels } from "./message-labels.js";
import { smsLength } from "./sms-segments.js";

/** A one-off confirmation may take a third segment: the whole manage link matters more than one SMS's cost. */
const CONFIRMATION_SEGMENTS = 3;

/** The code SMS: one segment in every language. */
export function composeVerificationSms(code: string, minutes: number, lang: MessageLanguage): string {
  return messageLabels[lang].verifyCode(code, minutes);
}

/**
 * The SMS sent once a number is verified: what is on, then STOP and the tokenised manage link,
 * which is never cut (what the subscriber watches is shortened instead).
 */
export function composeSmsActivated(watching: string, manageUrl: string, lang: MessageLanguage): string {
  const l = messageLabels[lang];
  const chars = [...watching.replace(/\s+/g, " ").trim()];
  const fits = (text: string) => smsLength(text).segments <= CONFIRMATION_SEGMENTS;
  for (let keep = chars.length; keep >= 8; keep = Math.floor(keep * 0.8)) {
    const w = keep === chars.length ? chars.join("") : chars.slice(0, keep).join("").trimEnd() + "…";
    const text = `${l.smsActivated(w)} ${l.smsManage} ${manageUrl}`;
    if (fits(text)) return text;
  }
  return `${l.smsManage} ${manageUrl}`;
}
