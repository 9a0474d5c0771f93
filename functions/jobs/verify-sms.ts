/**
 * The SMS sign-up's second step. POST /alerts texts a code to the number and keeps the alert
 * "pending-verification"; only the right code, sent back with the manage token, subscribes the
 * number to the SNS topic. So nobody can sign up a stranger's phone, and nobody pays for it.
 */
import type { AlertSubscription, MessageLanguage } from "../core/alerts/alert-types.js";
import { composeSmsActivated, composeVerificationSms, hashVerificationCode, newVerificationCode, openAddress, sealAddress, verificationCodeMatches } from "../core/alerts/index.js";
import { DabylError } from "../core/errors.js";
import type { ManageAlertsDeps } from "./manage-alerts.js";

export type VerifyFailure =
  | { readonly kind: "wrong-code"; readonly detail: string; readonly attemptsLeft: number }
  | { readonly kind: "expired"; readonly detail: string }
  | { readonly kind: "no-attempts-left"; readonly detail: string };

export type ResendFailure =
  | { readonly kind: "too-soon"; readonly detail: string; readonly retryAfterSeconds: number }
  | { readonly kind: "no-sends-left"; readonly detail: string }
  | { readonly kind: "not-pending"; readonly detail: string };

const MINUTE = 60_000;

/** A pending sign-up nobody can finish any more: its code expired or its tries are used up. */
export function isStalePending(sub: AlertSubscription, now: Date, maxAttempts: number): boolean {
  if (sub.status !== "pending-verification") return false;
  return (sub.codeAttempts ?? 0) >= maxAttempts || new Date(sub.codeExpiresAt ?? 0).getTime() <= now.getTime();
}

/** The fields a new SMS alert is stored with, and the code to text. */
export async function pendingSmsFields(deps: ManageAlertsDeps, key: Buffer, id: string, token: string, phone: string) {
  const now = deps.now();
  const code = newVerificationCode();
  const fields = {
    status: "pending-verification" as const,
    subscriptionArn: "",
    codeHash: hashVerificationCode(key, id, code),
    codeExpiresAt: new Date(now.getTime() + deps.settings.codeTtlMinutes * MINUTE).toISOString(),
    codeAttempts: 0,
    codeSends: 1,
    codeSentAt: now.toISOString(),
    sealedAddress: sealAddress(token, id, phone),
    expiresAt: Math.floor(now.getTime() / 1000) + deps.settings.pendingVerificationHours * 3600,
  };
  return { fields, code };
}

export function sendCode(deps: ManageAlertsDeps, phone: string, code: string, lang: MessageLanguage): Promise<unknown> {
  return deps.notifier.sendSms(phone, composeVerificationSms(code, deps.settings.codeTtlMinutes, lang));
}

function phoneOf(sub: AlertSubscription, token: string): string {
  const phone = sub.sealedAddress ? openAddress(token, sub.id, sub.sealedAddress) : undefined;
  // The token was already checked against its hash, so a seal that does not open is damage, not a guess.
  if (phone === undefined) throw new DabylError("sealed_address", "the number waiting for verification could not be read");
  return phone;
}

/** Checks the code; on success subscribes the number in SNS, activates the alert and texts the manage link. */
export async function verifySms(deps: ManageAlertsDeps, key: Buffer, sub: AlertSubscription, token: string, code: string, manageUrl: string): Promise<VerifyFailure | undefined> {
  const { settings } = deps;
  const now = deps.now();
  if (new Date(sub.codeExpiresAt ?? 0).getTime() <= now.getTime()) {
    return { kind: "expired", detail: "this code has expired; ask for a new one" };
  }
  const tries = await deps.alerts.countCodeAttempt(sub.id, settings.maxCodeAttempts);
  if (tries === undefined) return { kind: "no-attempts-left", detail: "too many wrong codes; sign up again for a new one" };
  if (!verificationCodeMatches(key, sub.id, code, sub.codeHash ?? "")) {
    const attemptsLeft = settings.maxCodeAttempts - tries;
    if (attemptsLeft <= 0) return { kind: "no-attempts-left", detail: "too many wrong codes; sign up again for a new one" };
    return { kind: "wrong-code", detail: `this is not the code we sent; ${attemptsLeft} ${attemptsLeft === 1 ? "try" : "tries"} left`, attemptsLeft };
  }
  const topic = await deps.alerts.getTopic(sub.topicKey);
  if (!topic) throw new DabylError("alert_topic_missing", "the alert's topic no longer exists");
  const phone = phoneOf(sub, token);
  const { subscriptionArn } = await deps.notifier.subscribe(topic.topicArn, "sms", phone);
  if (!(await deps.alerts.activateSms(sub.id, subscriptionArn))) {
    // A concurrent verify (or a delete) got there first: this SNS subscription would be a second one.
    await deps.notifier.unsubscribe(subscriptionArn);
    return undefined;
  }
  await deps.alerts.addSubscriber(sub.topicKey, now);
  try {
    await deps.notifier.sendSms(phone, composeSmsActivated(topic.label, manageUrl, sub.lang ?? "ru"));
  } catch (e) {
    // The alert is on either way; the manage link was also on the sign-up page.
    deps.log.warn("confirmation SMS failed", { alertId: sub.id, err: (e as Error).message });
  }
  deps.log.info("SMS alert verified", { alertId: sub.id, topicKey: sub.topicKey, tries });
  return undefined;
}

/** A new code, if sends are left and the last went out long enough ago; earlier codes stop working. */
export async function resendCode(deps: ManageAlertsDeps, key: Buffer, sub: AlertSubscription, token: string): Promise<ResendFailure | undefined> {
  const { settings } = deps;
  const now = deps.now();
  if (sub.status !== "pending-verification") return { kind: "not-pending", detail: "this alert is not waiting for a code" };
  if ((sub.codeSends ?? 0) >= settings.maxCodeSends || (sub.codeAttempts ?? 0) >= settings.maxCodeAttempts) {
    return { kind: "no-sends-left", detail: "no more codes for this sign-up; sign up again" };
  }
  const wait = new Date(sub.codeSentAt ?? 0).getTime() + settings.codeResendSeconds * 1000 - now.getTime();
  if (wait > 0) return { kind: "too-soon", detail: "a code was sent moments ago; wait a little before asking again", retryAfterSeconds: Math.ceil(wait / 1000) };
  const code = newVerificationCode();
  const replaced = await deps.alerts.replaceCode(
    sub.id,
    { hash: hashVerificationCode(key, sub.id, code), expiresAt: new Date(now.getTime() + settings.codeTtlMinutes * MINUTE).toISOString(), sentAt: now.toISOString() },
    { maxSends: settings.maxCodeSends, notSentSince: new Date(now.getTime() - settings.codeResendSeconds * 1000).toISOString() },
  );
  if (!replaced) return { kind: "too-soon", detail: "a code was sent moments ago; wait a little before asking again", retryAfterSeconds: settings.codeResendSeconds };
  await sendCode(deps, phoneOf(sub, token), code, sub.lang ?? "ru");
  deps.log.info("verification code resent", { alertId: sub.id });
  return undefined;
}
