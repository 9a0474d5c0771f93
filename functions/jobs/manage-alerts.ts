/**
 * Creating, reading and deleting alerts: the use cases behind POST/GET/DELETE /alerts. The address
 * goes to SNS and nowhere else; what is kept is an HMAC of it (for limits) and a hash of the token.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { AlertStore } from "../adapters/dynamo/alert-store.js";
import type { RateLimitStore } from "../adapters/dynamo/rate-limit-store.js";
import type { Notifier } from "../adapters/sns/notifier.js";
import type { AlertSettings } from "../config/alerts.js";
import type { Topic } from "../config/topics.js";
import { alertTopicKey, hashManageToken, manageTokenMatches, normalizeAddress, snsTopicName } from "../core/alerts/index.js";
import type { AlertStatus, AlertSubscription, Channel, TopicKind } from "../core/alerts/alert-types.js";
import { NotFoundError, ValidationError } from "../core/errors.js";
// Not through core/fx/index.js: that would load the NBK XML readers (fast-xml-parser) into the API and the feed poller.
import { formatFxCondition, parseFxCondition } from "../core/fx/parse-fx-condition.js";
import type { Logger } from "../core/logger.js";
import { normalizeQuery, parseQuery } from "../core/query/index.js";

export interface ManageAlertsDeps {
  readonly alerts: AlertStore;
  readonly rateLimits: RateLimitStore;
  readonly notifier: Notifier;
  readonly log: Logger;
  readonly now: () => Date;
  readonly settings: AlertSettings;
  readonly stage: string;
  readonly topics: readonly Topic[];
}

export interface CreateAlertInput {
  readonly query?: string | undefined;
  readonly topic?: string | undefined;
  readonly fx?: string | undefined;
  readonly channel: Channel;
  readonly address: string;
  /** The caller's IP (or another stable client key); hashed before it is stored. */
  readonly client: string;
}

export type CreateAlertResult =
  | { readonly ok: true; readonly value: { id: string; status: Exclude<AlertStatus, "unsubscribed">; manageToken: string } }
  | { readonly ok: false; readonly error: { kind: "rate-limited"; retryAfterSeconds: number; detail: string } | { kind: "too-many-alerts"; detail: string } };

export interface AlertView {
  readonly id: string;
  readonly status: AlertStatus;
  readonly channel: Channel;
  readonly kind: TopicKind;
  /** The query or FX condition in canonical form, or the curated topic's id. */
  readonly query?: string | undefined;
  readonly topic?: string | undefined;
  readonly fx?: string | undefined;
  readonly createdAt: string;
}

export interface AlertsApi {
  create(input: CreateAlertInput): Promise<CreateAlertResult>;
  /** NotFoundError for an unknown id and for a wrong token alike, so nobody learns which alerts exist. */
  get(id: string, token: string): Promise<AlertView>;
  remove(id: string, token: string): Promise<void>;
}

const notFound = () => new NotFoundError("no alert with this id for this manage token");
// Compared against when the id is unknown, so a miss takes as long as a wrong token.
const DUMMY_HASH = hashManageToken("dabyl-no-such-alert");

function resolveTarget(input: CreateAlertInput, topics: readonly Topic[]): { kind: TopicKind; canonical: string; label: string; topicId?: string } {
  if (input.topic !== undefined) {
    const t = topics.find((x) => x.id === input.topic);
    if (!t) throw new ValidationError("topic", `unknown topic "${input.topic}"; GET /topics lists them`);
    return { kind: "query", canonical: normalizeQuery(parseQuery(t.query)), label: t.title.ru, topicId: t.id };
  }
  if (input.fx !== undefined) {
    const canonical = formatFxCondition(parseFxCondition(input.fx));
    return { kind: "fx", canonical, label: canonical };
  }
  try {
    const canonical = normalizeQuery(parseQuery(input.query ?? ""));
    return { kind: "query", canonical, label: canonical };
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError("query", e.message, { cause: e });
    throw e;
  }
}

export function makeAlertsApi(deps: ManageAlertsDeps): AlertsApi {
  const hmac = async (text: string) => createHmac("sha256", await deps.alerts.addressSecret()).update(text).digest("base64url").slice(0, 32);

  async function authorized(id: string, token: string): Promise<AlertSubscription> {
    const sub = await deps.alerts.getSubscription(id);
    const ok = manageTokenMatches(token, sub?.tokenHash ?? DUMMY_HASH);
    if (!sub || !ok) throw notFound();
    return sub;
  }

  /** Alerts of this address that count against its cap: every SMS one; email ones still unconfirmed. */
  async function liveCount(channel: Channel, addressHash: string): Promise<number> {
    let count = 0;
    for (const s of await deps.alerts.subscriptionsForAddress(addressHash)) {
      if (channel === "sms") count++;
      else if (s.status === "pending-confirmation" && (await refresh(s)) === "pending-confirmation") count++;
    }
    return count;
  }

  async function refresh(sub: AlertSubscription): Promise<AlertStatus> {
    if (sub.status !== "pending-confirmation") return sub.status;
    const status = await deps.notifier.subscriptionStatus(sub.subscriptionArn);
    if (status === "active") await deps.alerts.setStatus(sub.id, status);
    if (status === "unsubscribed") await forget(sub);
    return status;
  }

  async function forget(sub: AlertSubscription): Promise<void> {
    if (await deps.alerts.deleteSubscription(sub.id)) await deps.alerts.removeSubscriber(sub.topicKey);
  }

  return {
    async create(input) {
      const now = deps.now();
      const { settings } = deps;
      const perClient = await deps.rateLimits.hit("client", await hmac(`client\n${input.client}`), settings.rateWindowSeconds, now);
      if (perClient.count > settings.perClientLimit) {
        return { ok: false, error: { kind: "rate-limited", retryAfterSeconds: perClient.retryAfterSeconds, detail: "too many new alerts from this client; try again later" } };
      }
      const address = normalizeAddress(input.channel, input.address, settings.smsCountryCodes);
      if (!address.ok) throw address.error;
      const target = resolveTarget(input, deps.topics);
      const addressHash = await hmac(`${input.channel}\n${address.value}`);
      const perAddress = await deps.rateLimits.hit("address", addressHash, settings.rateWindowSeconds, now);
      if (perAddress.count > settings.perAddressLimit) {
        return { ok: false, error: { kind: "rate-limited", retryAfterSeconds: perAddress.retryAfterSeconds, detail: "too many new alerts for this address; try again later" } };
      }
      if ((await liveCount(input.channel, addressHash)) >= settings.maxPendingPerAddress) {
        const what = input.channel === "sms" ? "alerts" : "unconfirmed alerts";
        return { ok: false, error: { kind: "too-many-alerts", detail: `this address already has ${settings.maxPendingPerAddress} ${what}; confirm or delete one first` } };
      }

      const key = alertTopicKey(target.kind, target.canonical);
      const snsName = snsTopicName(deps.stage, key);
      const topicArn = await deps.notifier.ensureTopic(snsName);
      await deps.alerts.upsertTopic({ key, kind: target.kind, canonical: target.canonical, label: target.label, topicId: target.topicId, snsName, topicArn, createdAt: now.toISOString() });
      const { subscriptionArn, status } = await deps.notifier.subscribe(topicArn, input.channel, address.value);
      const id = randomBytes(12).toString("base64url");
      const manageToken = randomBytes(32).toString("base64url");
      try {
        await deps.alerts.putSubscription({ id, topicKey: key, channel: input.channel, status, tokenHash: hashManageToken(manageToken), addressHash, subscriptionArn, createdAt: now.toISOString() });
        await deps.alerts.addSubscriber(key, now);
      } catch (e) {
        // Without a record nobody could ever unsubscribe it: take the SNS subscription back.
        await deps.notifier.unsubscribe(subscriptionArn).catch(() => undefined);
        throw e;
      }
      deps.log.info("alert created", { alertId: id, topicKey: key, channel: input.channel, status, via: deps.notifier.kind });
      return { ok: true, value: { id, status, manageToken } };
    },

    async get(id, token) {
      const sub = await authorized(id, token);
      const status = await refresh(sub);
      if (status === "unsubscribed") throw notFound();
      const topic = await deps.alerts.getTopic(sub.topicKey);
      const kind = topic?.kind ?? "query";
      return {
        id: sub.id,
        status,
        channel: sub.channel,
        kind,
        ...(topic?.topicId !== undefined ? { topic: topic.topicId } : kind === "fx" ? { fx: topic?.canonical } : { query: topic?.canonical }),
        createdAt: sub.createdAt,
      };
    },

    async remove(id, token) {
      const sub = await authorized(id, token);
      await deps.notifier.unsubscribe(sub.subscriptionArn);
      await forget(sub);
      deps.log.info("alert deleted", { alertId: id, topicKey: sub.topicKey });
    },
  };
}
