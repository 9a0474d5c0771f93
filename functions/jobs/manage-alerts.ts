/**
 * Creating, reading, verifying and deleting alerts: the use cases behind /alerts. The address goes
 * to SNS and nowhere else (an SMS number waiting for its code is kept sealed with the manage token);
 * what is kept is an HMAC of it (for limits) and a hash of the token.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { AlertStore } from "../adapters/dynamo/alert-store.js";
import type { RateLimitStore } from "../adapters/dynamo/rate-limit-store.js";
import type { Notifier } from "../adapters/sns/notifier.js";
import type { AlertSettings } from "../config/alerts.js";
import type { Topic } from "../config/topics.js";
import { alertTopicKey, hashManageToken, manageTokenMatches, normalizeAddress, normalizeVerificationCode, snsTopicName } from "../core/alerts/index.js";
import type { AlertStatus, AlertSubscription, Channel, MessageLanguage, TopicKind } from "../core/alerts/alert-types.js";
import { ConfigError, NotFoundError, ValidationError } from "../core/errors.js";
import type { LatestRates } from "../core/fx/types.js";
import type { Logger } from "../core/logger.js";
import { fxConditionNote, resolveTarget } from "./alert-target.js";
import { isStalePending, pendingSmsFields, resendCode, sendCode, verifySms, type ResendFailure, type VerifyFailure } from "./verify-sms.js";

export interface ManageAlertsDeps {
  readonly alerts: AlertStore;
  readonly rateLimits: RateLimitStore;
  readonly notifier: Notifier;
  readonly log: Logger;
  readonly now: () => Date;
  readonly settings: AlertSettings;
  readonly stage: string;
  readonly topics: readonly Topic[];
  /** Base URL of the API (DABYL_PUBLIC_URL): manage links point here. */
  readonly publicUrl: () => string;
  /** The address HMAC key from the AddressHashKey secret; without it, a key kept in the table (local runtime). */
  readonly addressKey?: string | undefined;
  /** Latest FX rates, to tell a subscriber when a level condition already holds. */
  readonly fxLatest?: (() => Promise<LatestRates>) | undefined;
}

export interface CreateAlertInput {
  readonly query?: string | undefined;
  readonly topic?: string | undefined;
  readonly fx?: string | undefined;
  readonly channel: Channel;
  readonly address: string;
  /** The caller's IP (or another stable client key); hashed before it is stored. */
  readonly client: string;
  /** The language messages are worded in; Russian by default. */
  readonly lang?: MessageLanguage | undefined;
}

export interface CreatedAlert {
  readonly id: string;
  readonly status: Exclude<AlertStatus, "unsubscribed">;
  readonly manageToken: string;
  /** The page that shows and ends the alert; carries the token, so it is shown once, like the token. */
  readonly manageUrl: string;
  readonly note?: string | undefined;
}

export type CreateAlertResult =
  | { readonly ok: true; readonly value: CreatedAlert }
  | {
      readonly ok: false;
      readonly error: { kind: "rate-limited"; retryAfterSeconds: number; detail: string } | { kind: "too-many-alerts"; detail: string } | { kind: "already-subscribed"; detail: string };
    };

export interface AlertView {
  readonly id: string;
  readonly status: AlertStatus;
  readonly channel: Channel;
  readonly kind: TopicKind;
  /** The query or FX condition in canonical form, or the curated topic's id. */
  readonly query?: string | undefined;
  readonly topic?: string | undefined;
  readonly fx?: string | undefined;
  /** What messages call it: the subscriber's own words or the curated topic's title. */
  readonly label?: string | undefined;
  readonly lang: MessageLanguage;
  readonly createdAt: string;
}

export type Outcome<F> = { readonly ok: true; readonly value: AlertView } | { readonly ok: false; readonly error: F };

export interface AlertsApi {
  create(input: CreateAlertInput): Promise<CreateAlertResult>;
  /** NotFoundError for an unknown id and for a wrong token alike, so nobody learns which alerts exist. */
  get(id: string, token: string): Promise<AlertView>;
  remove(id: string, token: string): Promise<void>;
  /** The SMS code; an alert already active answers as it is. */
  verify(id: string, token: string, code: string): Promise<Outcome<VerifyFailure>>;
  resend(id: string, token: string): Promise<Outcome<ResendFailure>>;
}

const notFound = () => new NotFoundError("no alert with this id for this manage token");
// Compared against when the id is unknown, so a miss takes as long as a wrong token.
const DUMMY_HASH = hashManageToken("dabyl-no-such-alert");
const LANGS: readonly MessageLanguage[] = ["ru", "kk", "en"];

export function manageUrlOf(publicUrl: string, id: string, token: string): string {
  return `${publicUrl}/alerts/${id}/manage?token=${token}`;
}

export function makeAlertsApi(deps: ManageAlertsDeps): AlertsApi {
  if (deps.addressKey !== undefined && deps.addressKey.length < 16) throw new ConfigError("AddressHashKey must be at least 16 characters (e.g. openssl rand -base64 32)");
  const fixedKey = deps.addressKey === undefined ? undefined : Buffer.from(deps.addressKey, "utf8");
  const key = async () => fixedKey ?? deps.alerts.addressSecret();
  const hmac = async (text: string) => createHmac("sha256", await key()).update(text).digest("base64url").slice(0, 32);

  async function authorized(id: string, token: string): Promise<AlertSubscription> {
    const sub = await deps.alerts.getSubscription(id);
    const ok = manageTokenMatches(token, sub?.tokenHash ?? DUMMY_HASH);
    if (!sub || !ok) throw notFound();
    return sub;
  }

  async function refresh(sub: AlertSubscription): Promise<AlertStatus> {
    if (sub.status !== "pending-confirmation") return sub.status;
    const status = await deps.notifier.subscriptionStatus(sub.subscriptionArn);
    if (status === "active") await deps.alerts.setStatus(sub.id, status);
    if (status === "unsubscribed") await forget(sub);
    return status;
  }

  async function forget(sub: AlertSubscription): Promise<void> {
    const gone = await deps.alerts.deleteSubscription(sub.id);
    // A number still waiting for its code was never counted as a subscriber.
    if (gone && gone.status !== "pending-verification") await deps.alerts.removeSubscriber(gone.topicKey);
  }

  async function view(sub: AlertSubscription, status: AlertStatus): Promise<AlertView> {
    const topic = await deps.alerts.getTopic(sub.topicKey);
    const kind = topic?.kind ?? "query";
    return {
      id: sub.id,
      status,
      channel: sub.channel,
      kind,
      ...(topic?.topicId !== undefined ? { topic: topic.topicId } : kind === "fx" ? { fx: topic?.canonical } : { query: topic?.canonical }),
      label: topic?.label,
      lang: sub.lang ?? topic?.lang ?? "ru",
      createdAt: sub.createdAt,
    };
  }

  /** The address's alerts: a refusal if this one exists already or the cap is reached; dead sign-ups are cleared. */
  async function checkAddress(channel: Channel, addressHash: string, sameTarget: ReadonlySet<string>, now: Date): Promise<CreateAlertResult | undefined> {
    let live = 0;
    for (const s of await deps.alerts.subscriptionsForAddress(addressHash)) {
      if (isStalePending(s, now, deps.settings.maxCodeAttempts)) {
        await forget(s);
        continue;
      }
      const status = await refresh(s);
      if (status === "unsubscribed") continue;
      if (sameTarget.has(s.topicKey)) return { ok: false, error: { kind: "already-subscribed", detail: "already subscribed to this alert" } };
      if (channel === "sms" || status === "pending-confirmation") live++;
    }
    if (live < deps.settings.maxPendingPerAddress) return undefined;
    const what = channel === "sms" ? "alerts" : "unconfirmed alerts";
    return { ok: false, error: { kind: "too-many-alerts", detail: `this address already has ${deps.settings.maxPendingPerAddress} ${what}; confirm or delete one first` } };
  }

  return {
    async create(input) {
      const now = deps.now();
      const { settings } = deps;
      const lang = input.lang ?? "ru";
      // Input is checked before anything is counted: a typo costs the caller none of their sign-ups.
      const address = normalizeAddress(input.channel, input.address, settings.smsCountryCodes);
      if (!address.ok) throw address.error;
      const target = resolveTarget(input, deps.topics, lang);
      const perClient = await deps.rateLimits.hit("client", await hmac(`client\n${input.client}`), settings.rateWindowSeconds, now);
      if (perClient.count > settings.perClientLimit) {
        return { ok: false, error: { kind: "rate-limited", retryAfterSeconds: perClient.retryAfterSeconds, detail: "too many new alerts from this client; try again later" } };
      }
      const addressHash = await hmac(`${input.channel}\n${address.value}`);
      const perAddress = await deps.rateLimits.hit("address", addressHash, settings.rateWindowSeconds, now);
      if (perAddress.count > settings.perAddressLimit) {
        return { ok: false, error: { kind: "rate-limited", retryAfterSeconds: perAddress.retryAfterSeconds, detail: "too many new alerts for this address; try again later" } };
      }
      // The same thing watched in another wording language is still the same alert.
      const sameTarget = new Set(LANGS.map((l) => alertTopicKey(target.kind, target.canonical, l)));
      const refused = await checkAddress(input.channel, addressHash, sameTarget, now);
      if (refused) return refused;

      const topicKey = alertTopicKey(target.kind, target.canonical, lang);
      const snsName = snsTopicName(deps.stage, topicKey);
      const topicArn = await deps.notifier.ensureTopic(snsName);
      await deps.alerts.upsertTopic({ key: topicKey, kind: target.kind, canonical: target.canonical, label: target.label, lang, topicId: target.topicId, snsName, topicArn, createdAt: now.toISOString() });
      const id = randomBytes(12).toString("base64url");
      const manageToken = randomBytes(32).toString("base64url");
      const base = { id, topicKey, channel: input.channel, tokenHash: hashManageToken(manageToken), addressHash, createdAt: now.toISOString(), lang };
      let status: CreatedAlert["status"];
      if (input.channel === "sms") {
        const { fields, code } = await pendingSmsFields(deps, await key(), id, manageToken, address.value);
        await deps.alerts.putSubscription({ ...base, ...fields });
        try {
          await sendCode(deps, address.value, code, lang);
        } catch (e) {
          await deps.alerts.deleteSubscription(id).catch(() => undefined);
          throw e;
        }
        status = fields.status;
      } else {
        const subscribed = await deps.notifier.subscribe(topicArn, input.channel, address.value);
        status = subscribed.status;
        try {
          await deps.alerts.putSubscription({ ...base, status, subscriptionArn: subscribed.subscriptionArn });
          await deps.alerts.addSubscriber(topicKey, now);
        } catch (e) {
          // Without a record nobody could ever unsubscribe it: take the SNS subscription back.
          await deps.notifier.unsubscribe(subscribed.subscriptionArn).catch(() => undefined);
          throw e;
        }
      }
      const note = target.fx && deps.fxLatest ? fxConditionNote(target.fx, await deps.fxLatest()) : undefined;
      deps.log.info("alert created", { alertId: id, topicKey, channel: input.channel, status, lang, via: deps.notifier.kind });
      return { ok: true, value: { id, status, manageToken, manageUrl: manageUrlOf(deps.publicUrl(), id, manageToken), ...(note ? { note } : {}) } };
    },

    async get(id, token) {
      const sub = await authorized(id, token);
      const status = await refresh(sub);
      if (status === "unsubscribed") throw notFound();
      return view(sub, status);
    },

    async remove(id, token) {
      const sub = await authorized(id, token);
      if (sub.subscriptionArn) await deps.notifier.unsubscribe(sub.subscriptionArn);
      await forget(sub);
      deps.log.info("alert deleted", { alertId: id, topicKey: sub.topicKey });
    },

    async verify(id, token, input) {
      const sub = await authorized(id, token);
      if (sub.status === "active") return { ok: true, value: await view(sub, "active") };
      if (sub.status !== "pending-verification") throw new ValidationError("code", "this alert is not waiting for an SMS code");
      const code = normalizeVerificationCode(input);
      if (code === undefined) throw new ValidationError("code", "the code is the 6 digits from the SMS");
      const failure = await verifySms(deps, await key(), sub, token, code, manageUrlOf(deps.publicUrl(), id, token));
      if (failure) return { ok: false, error: failure };
      const now = await deps.alerts.getSubscription(id);
      return { ok: true, value: await view(now ?? sub, now?.status ?? "active") };
    },

    async resend(id, token) {
      const sub = await authorized(id, token);
      const failure = await resendCode(deps, await key(), sub, token);
      if (failure) return { ok: false, error: failure };
      return { ok: true, value: await view(sub, sub.status) };
    },
  };
}
