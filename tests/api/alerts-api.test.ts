import { GetSubscriptionAttributesCommand, PublishCommand, SubscribeCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { makeSnsNotifier } from "../../functions/adapters/sns/sns-notifier.js";
import { alertSettings } from "../../functions/config/alerts.js";
import { topics } from "../../functions/config/topics.js";
import type { Logger } from "../../functions/core/logger.js";
import { makeAlerts } from "../../functions/jobs/make-alerts.js";
import type { AlertsApi } from "../../functions/jobs/manage-alerts.js";
import { resetSns, sns, snsClient } from "../jobs/alert-fixture.js";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

let fx: ApiFixture;
let logLines: string[];
let inner: AlertsApi;
let clock: { now: Date };

function capturingLogger(): Logger {
  const log: Logger = {
    info: (msg, f) => void logLines.push(JSON.stringify({ msg, ...f })),
    warn: (msg, f) => void logLines.push(JSON.stringify({ msg, ...f })),
    error: (msg, f) => void logLines.push(JSON.stringify({ msg, ...f })),
    child: () => log,
  };
  return log;
}

beforeEach(async () => {
  resetSns();
  logLines = [];
  clock = { now: new Date("2026-11-30T06:00:00Z") };
  // Email subscriptions stay unconfirmed unless a test says otherwise.
  sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { PendingConfirmation: "true" } });
  // The app is built before its table exists, so it gets a forwarder to the alerts built right after.
  const proxy: AlertsApi = {
    create: (i) => inner.create(i),
    get: (id, t) => inner.get(id, t),
    remove: (id, t) => inner.remove(id, t),
    verify: (id, t, code) => inner.verify(id, t, code),
    resend: (id, t) => inner.resend(id, t),
  };
  fx = await startApiFixture({ alerts: proxy });
  inner = makeAlerts({
    stores: fx.db.stores.alertStores,
    notifier: makeSnsNotifier(snsClient()),
    log: capturingLogger(),
    settings: alertSettings,
    stage: "test",
    publicUrl: "https://api.dabyl.kz",
    topics,
    now: () => clock.now,
    fxLatest: () => fx.db.stores.fx.latest(),
  }).api;
});
afterEach(() => fx.close());

const post = (body: unknown, client = "203.0.113.7") =>
  fx.json("/alerts", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": client }, body: JSON.stringify(body) });
// Bodiless answers (204, 302) go around the contract checker, which expects a documented content type on everything but 304.
const del = (id: string, token: string) => fx.app.request(`/alerts/${id}`, { method: "DELETE", ...auth(token) });
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const email = (n = 1) => `reader${n}@example.kz`;

/** The SMS texted straight to a number (codes, confirmations), newest last. */
const texts = (phone = "+77011234567") =>
  sns.commandCalls(PublishCommand).map((c) => c.args[0].input).filter((i) => i.PhoneNumber === phone).map((i) => i.Message ?? "");
const lastCode = (phone?: string) => /\b(\d{6})\b/.exec(texts(phone).at(-1) ?? "")?.[1] ?? "";
const verify = (id: string, token: string, code: string) =>
  fx.json(`/alerts/${id}/verify`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ code }) });
/** An SMS alert through both steps: sign-up, then the texted code. */
async function smsAlert(body: Record<string, unknown>, client = "203.0.113.7") {
  const { body: created } = await post({ channel: "sms", address: "+77011234567", ...body }, client);
  const phone = String(body.address ?? "+77011234567").replace(/[^+\d]/g, "");
  expect((await verify(created.id, created.manageToken, lastCode(phone))).res.status).toBe(200);
  return created;
}

describe("POST /alerts", () => {
  it("subscribes an email address: SNS mails the confirmation, the alert is pending until then", async () => {
    const { res, body } = await post({ query: "военная база", channel: "email", address: email(), frequency: "instant" });
    expect(res.status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(["id", "manageToken", "manageUrl", "status"]);
    expect(body.manageUrl).toBe(`https://api.dabyl.kz/alerts/${body.id}/manage?token=${body.manageToken}`);
    expect(body.status).toBe("pending-confirmation");
    expect(res.headers.get("location")).toBe(`/alerts/${body.id}`);
    const sub = sns.commandCalls(SubscribeCommand)[0]?.args[0].input;
    expect(sub).toMatchObject({ Protocol: "email", Endpoint: email(), ReturnSubscriptionArn: true });
    expect(sub?.TopicArn).toMatch(/:dabyl-test-[0-9a-f]{20}$/);
  });

  it("texts a code to an SMS number and subscribes it only once the code comes back", async () => {
    const { res, body } = await post({ topic: "military-bases", channel: "sms", address: "+7 701 123 45 67", lang: "kk" });
    expect(res.status).toBe(201);
    expect(body.status).toBe("pending-verification");
    expect(sns.commandCalls(SubscribeCommand)).toHaveLength(0);
    expect(texts()).toEqual([expect.stringMatching(/^dabyl: растау коды \d{6}\. 15 минут жарамды\.$/)]);
    expect((await fx.json(`/alerts/${body.id}`, auth(body.manageToken))).body.status).toBe("pending-verification");

    const wrong = await verify(body.id, body.manageToken, lastCode() === "000000" ? "111111" : "000000");
    expect(wrong.res.status).toBe(400);
    expect(wrong.body.invalidParams).toEqual([{ name: "code", reason: "this is not the code we sent; 4 tries left" }]);

    const right = await verify(body.id, body.manageToken, lastCode().replace(/(\d{3})/, "$1 "));
    expect(right.res.status).toBe(200);
    expect(right.body).toMatchObject({ id: body.id, status: "active", channel: "sms", topic: "military-bases", label: "Әскери базалар", lang: "kk" });
    expect(sns.commandCalls(SubscribeCommand)[0]?.args[0].input).toMatchObject({ Protocol: "sms", Endpoint: "+77011234567" });
    // The confirmation carries the tokenised manage link; verifying again changes nothing.
    expect(texts().at(-1)).toContain(body.manageUrl);
    expect(body.manageUrl).toBe(`https://api.dabyl.kz/alerts/${body.id}/manage?token=${body.manageToken}`);
    expect((await verify(body.id, body.manageToken, "123456")).body.status).toBe("active");
    expect(sns.commandCalls(SubscribeCommand)).toHaveLength(1);
  });

  it("ends an SMS sign-up after 5 wrong codes, and expires codes after 15 minutes", async () => {
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
    const bad = lastCode() === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) expect((await verify(body.id, body.manageToken, bad)).body.invalidParams[0].reason).toMatch(`${left} ${left === 1 ? "try" : "tries"} left`);
    const fifth = await verify(body.id, body.manageToken, bad);
    expect(fifth.res.status).toBe(409);
    expect(fifth.body.detail).toMatch(/too many wrong codes/);
    expect((await verify(body.id, body.manageToken, lastCode())).res.status).toBe(409);
    expect(sns.commandCalls(SubscribeCommand)).toHaveLength(0);

    const { body: again } = await post({ query: "пожар", channel: "sms", address: "+77011234567" }, "10.9.9.9");
    clock.now = new Date(clock.now.getTime() + 15 * 60_000 + 1);
    const late = await verify(again.id, again.manageToken, lastCode());
    expect(late.res.status).toBe(400);
    expect(late.body.invalidParams[0].reason).toMatch(/expired/);
  });

  it("resends a code at most 3 times in all, a minute apart; only the newest code works", async () => {
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
    const first = lastCode();
    const resend = () => fx.json(`/alerts/${body.id}/resend`, { method: "POST", ...auth(body.manageToken) });
    const tooSoon = await resend();
    expect(tooSoon.res.status).toBe(429);
    expect(Number(tooSoon.res.headers.get("retry-after"))).toBeGreaterThan(0);
    clock.now = new Date(clock.now.getTime() + 61_000);
    expect((await resend()).res.status).toBe(202);
    clock.now = new Date(clock.now.getTime() + 61_000);
    expect((await resend()).res.status).toBe(202);
    clock.now = new Date(clock.now.getTime() + 61_000);
    const none = await resend();
    expect(none.res.status).toBe(409);
    expect(none.body.detail).toMatch(/no more codes/);
    expect(texts()).toHaveLength(3);
    if (first !== lastCode()) expect((await verify(body.id, body.manageToken, first)).res.status).toBe(400);
    expect((await verify(body.id, body.manageToken, lastCode())).res.status).toBe(200);
  });

  it("refuses a Russian +7 number and says why", async () => {
    const { res, body } = await post({ query: "база", channel: "sms", address: "+7 916 123 45 67" });
    expect(res.status).toBe(400);
    expect(body.invalidParams[0]).toEqual({ name: "address", reason: expect.stringMatching(/not a Kazakhstan number.*Russian/) });
    expect(texts("+79161234567")).toEqual([]);
  });

  it.each([
    ["an email", { channel: "email", address: "Reader1@example.kz" }, { channel: "email", address: "  Reader1@EXAMPLE.kz " }],
    ["a phone", { channel: "sms", address: "+77011234567" }, { channel: "sms", address: "+7 (701) 123-45-67" }],
  ])("refuses %s already subscribed to the same query typed differently (409), also in another language", async (_n, a, b) => {
    expect((await post({ query: "Военная база", ...a }, "10.2.0.1")).res.status).toBe(201);
    for (const [extra, client] of [[{}, "10.2.0.2"], [{ lang: "en" }, "10.2.0.3"]] as const) {
      const { res, body } = await post({ query: "база   военная", ...b, ...extra }, client);
      expect(res.status).toBe(409);
      expect(body.detail).toBe("already subscribed to this alert");
    }
    expect((await post({ query: "пожар", ...b }, "10.2.0.4")).res.status).toBe(201);
  });

  it("words messages in the language asked for, else the browser's; labels keep the subscriber's own words", async () => {
    const en = await post({ query: "  Военная   БАЗА ", channel: "email", address: email(1), lang: "en" });
    const kk = await fx.json("/alerts", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "kk-KZ,ru;q=0.8" },
      body: JSON.stringify({ query: "база военная", channel: "email", address: email(2) }),
    });
    const enView = (await fx.json(`/alerts/${en.body.id}`, auth(en.body.manageToken))).body;
    const kkView = (await fx.json(`/alerts/${kk.body.id}`, auth(kk.body.manageToken))).body;
    expect(enView).toMatchObject({ lang: "en", query: "база военная", label: "Военная БАЗА" });
    expect(kkView).toMatchObject({ lang: "kk", query: "база военная", label: "база военная" });
    const topicsByLang = await Promise.all([enView, kkView].map(async (v) => (await fx.db.stores.alertStores.alerts.getSubscription(v.id))!.topicKey));
    expect(new Set(topicsByLang).size).toBe(2);
  });

  it.each([
    [{ query: "база", channel: "sms", address: "+14155550100" }, "address", /\+7 7/],
    [{ query: "база", channel: "sms", address: "87011234567" }, "address", /international format/],
    [{ query: "база", channel: "email", address: "not-an-email" }, "address", /name@example/],
    [{ query: '"военная база', channel: "email", address: email() }, "query", /quote/i],
    [{ query: "-база", channel: "email", address: email() }, "query", /./],
    [{ query: "", channel: "email", address: email() }, "query", /./],
    [{ query: "база", topic: "floods", channel: "email", address: email() }, "query", /exactly one/],
    [{ channel: "email", address: email() }, "query", /exactly one/],
    [{ topic: "no-such-topic", channel: "email", address: email() }, "topic", /GET \/topics/],
    [{ fx: "USD/KZT soon", channel: "email", address: email() }, "fx", /USD\/KZT above 520/],
    [{ query: "база", channel: "email", address: email(), lang: "de" }, "lang", /"ru", "kk" or "en"/],
    [{ query: "база", channel: "fax", address: email() }, "channel", /email/],
    [{ query: "база", channel: "email", address: email(), frequency: "daily" }, "frequency", /instant/],
    [{ query: "база", channel: "email", address: email(), extra: 1 }, "(body)", /./],
  ])("refuses %j with a 400 naming %s", async (body, field, reason) => {
    const { res, body: problem } = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const param = problem.invalidParams.find((p: { name: string }) => p.name === field);
    expect(param, JSON.stringify(problem)).toBeDefined();
    expect(param.reason).toMatch(reason);
    expect(sns.commandCalls(SubscribeCommand)).toHaveLength(0);
  });

  it("gives a phone number at most 3 alerts, waiting for their codes or not", async () => {
    await smsAlert({ query: "база" }, "10.0.0.1");
    for (const q of ["пожар", "паводок"]) expect((await post({ query: q, channel: "sms", address: "+77011234567" }, `10.0.0.${q.length}`)).res.status).toBe(201);
    const { res, body } = await post({ query: "пенсия", channel: "sms", address: "+77011234567" });
    expect(res.status).toBe(409);
    expect(body.detail).toMatch(/already has 3 alerts/);
  });

  it("rate-limits new alerts per address across clients (429 with Retry-After)", async () => {
    for (let i = 0; i < alertSettings.perAddressLimit; i++) {
      const { body } = await post({ query: `база${i}`, channel: "email", address: email() }, `10.0.1.${i}`);
      // Deleting keeps the pending cap out of the way: only the rate limit is left to stop the next one.
      expect((await del(body.id, body.manageToken)).status).toBe(204);
    }
    const { res, body } = await post({ query: "база", channel: "email", address: email() }, "10.0.1.99");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(body.detail).toMatch(/this address/);
  });

  it("rate-limits new alerts per client (429 with Retry-After), counting only valid sign-ups", async () => {
    for (let i = 0; i < 30; i++) expect((await post({ query: "база", channel: "sms", address: `+7 916 000 00 ${String(i).padStart(2, "0")}` })).res.status).toBe(400);
    for (let i = 0; i < alertSettings.perClientLimit; i++) expect((await post({ query: "база", channel: "email", address: email(i) })).res.status).toBe(201);
    const { res, body } = await post({ query: "база", channel: "email", address: email(999) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(body.detail).toMatch(/this client/);
    expect((await post({ query: "база", channel: "email", address: email(999) }, "198.51.100.1")).res.status).toBe(201);
  });
});

describe("the address hash key", () => {
  it("hashes addresses with the AddressHashKey secret when there is one, and keeps no key in the table", async () => {
    inner = makeAlerts({
      stores: fx.db.stores.alertStores, notifier: makeSnsNotifier(snsClient()), log: capturingLogger(), settings: alertSettings,
      stage: "test", publicUrl: "https://api.dabyl.kz", topics, addressKey: "secret-from-sst-0123456789",
    }).api;
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
    const stored = await fx.db.stores.alertStores.alerts.getSubscription(body.id);
    const expected = createHmac("sha256", "secret-from-sst-0123456789").update("sms\n+77011234567").digest("base64url").slice(0, 32);
    expect(stored?.addressHash).toBe(expected);
    const key = await fx.db.doc.send(new GetCommand({ TableName: fx.db.tableName, Key: { pk: "ALERTS", sk: "SECRET" } }));
    expect(key.Item).toBeUndefined();
  });

  it("keeps the number waiting for its code only sealed, never in the clear", async () => {
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
    const raw = await fx.db.doc.send(new GetCommand({ TableName: fx.db.tableName, Key: { pk: `ALERT#${body.id}`, sk: "ALERT" } }));
    expect(JSON.stringify(raw.Item)).not.toMatch(/7011234567|\b\d{6}\b(?=")/);
    expect(raw.Item?.expiresAt).toBeGreaterThan(Date.now() / 1000 - 86400 * 365);
  });
});

describe("FX conditions", () => {
  it("takes Kazakh wording and says when a level already holds, so the first alert waits for the next crossing", async () => {
    await fx.db.stores.fx.putLatest([{ code: "USD", rate: 521.3, quoted: 521.3, quant: 1, change: 1.7, direction: "up", date: "2026-11-30", source: "nbk-rates" }]);
    const above = await post({ fx: "USD/KZT 520-дан жоғары", channel: "email", address: email(1) });
    expect(above.res.status).toBe(201);
    expect(above.body.note).toBe("USD/KZT is already above 520 (521.30 on 2026-11-30): this alert fires the next time the rate crosses 520, after it has been back below it");
    const below = await post({ fx: "USD/KZT below 500", channel: "email", address: email(2) });
    expect(below.body.note).toBeUndefined();
    expect((await fx.json(`/alerts/${above.body.id}`, auth(above.body.manageToken))).body).toMatchObject({ kind: "fx", fx: "USD/KZT above 520", label: "USD/KZT 520-дан жоғары" });
  });
});

describe("GET and DELETE /alerts/{id}", () => {
  it("shows the owner the alert, refreshing the confirmation from SNS, and never the address", async () => {
    const { body: created } = await post({ query: "Военная   база", channel: "email", address: email() });
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { PendingConfirmation: "true" } });
    const first = await fx.json(`/alerts/${created.id}`, auth(created.manageToken));
    expect(first.res.status).toBe(200);
    expect(first.body).toEqual({
      id: created.id, status: "pending-confirmation", channel: "email", kind: "query", query: "база военная", label: "Военная база", lang: "ru", createdAt: expect.any(String),
    });
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { PendingConfirmation: "false" } });
    expect((await fx.json(`/alerts/${created.id}`, auth(created.manageToken))).body.status).toBe("active");
    expect(JSON.stringify(first.body)).not.toContain("example.kz");
  });

  it("answers 404 alike for an unknown id, a wrong token and someone else's token; 401 without a token", async () => {
    const { body: mine } = await post({ query: "база", channel: "email", address: email(1) });
    const { body: theirs } = await post({ query: "база", channel: "email", address: email(2) });
    const unknown = await fx.json("/alerts/AAAAAAAAAAAAAAAA", auth(mine.manageToken));
    const wrong = await fx.json(`/alerts/${mine.id}`, auth("x".repeat(43)));
    const stolen = await fx.json(`/alerts/${mine.id}`, auth(theirs.manageToken));
    for (const r of [unknown, wrong, stolen]) {
      expect(r.res.status).toBe(404);
      expect(r.body.detail).toBe(unknown.body.detail);
    }
    const deleteStolen = await fx.call(`/alerts/${mine.id}`, { method: "DELETE", ...auth(theirs.manageToken) });
    expect(deleteStolen.status).toBe(404);
    const anonymous = await fx.call(`/alerts/${mine.id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
    expect(sns.commandCalls(UnsubscribeCommand)).toHaveLength(0);
  });

  it("drops an SMS sign-up still waiting for its code on DELETE, with nothing to undo in SNS", async () => {
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
    expect((await del(body.id, body.manageToken)).status).toBe(204);
    expect(sns.commandCalls(UnsubscribeCommand)).toHaveLength(0);
    expect((await fx.call(`/alerts/${body.id}`, auth(body.manageToken))).status).toBe(404);
  });

  it("unsubscribes in SNS on DELETE; the alert is then gone", async () => {
    const body = await smsAlert({ query: "база" });
    const res = await del(body.id, body.manageToken);
    expect(res.status).toBe(204);
    expect(sns.commandCalls(UnsubscribeCommand)[0]?.args[0].input.SubscriptionArn).toMatch(/:dabyl-test-[0-9a-f]{20}:sub-\d+$/);
    expect((await fx.call(`/alerts/${body.id}`, auth(body.manageToken))).status).toBe(404);
    expect((await fx.call(`/alerts/${body.id}`, { method: "DELETE", ...auth(body.manageToken) })).status).toBe(404);
  });

  it("forgets an alert its owner left through SNS's own unsubscribe link", async () => {
    const { body } = await post({ query: "база", channel: "email", address: email() });
    sns.on(GetSubscriptionAttributesCommand).rejects(Object.assign(new Error("gone"), { name: "NotFoundException" }));
    expect((await fx.call(`/alerts/${body.id}`, auth(body.manageToken))).status).toBe(404);
    expect(await fx.db.stores.alertStores.alerts.getSubscription(body.id)).toBeUndefined();
  });

  it("keeps addresses, tokens and codes out of every log line", async () => {
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
    const code = lastCode();
    await verify(body.id, body.manageToken, code);
    await post({ query: "база", channel: "email", address: email(7) });
    await del(body.id, body.manageToken);
    const all = logLines.join("\n");
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of ["77011234567", "reader7", "example.kz", body.manageToken, code]) expect(all).not.toContain(secret);
  });
});

describe("GET /topics and GET /h/{shortId}", () => {
  it("lists the curated topics with their queries", async () => {
    const { res, body } = await fx.json("/topics");
    expect(res.status).toBe(200);
    expect(body.topics.map((t: { id: string }) => t.id)).toContain("military-bases");
    expect(body.topics.find((t: { id: string }) => t.id === "military-bases").query).toMatch(/"военная база"/);
  });

  it("redirects a short link to its article; unknown links are 404, malformed ones 400", async () => {
    const id = await fx.db.stores.alertStores.shortLinks.shorten("https://example.kz/articles/wsj-bazy", new Date(), 30);
    const res = await fx.app.request(`/h/${id}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.kz/articles/wsj-bazy");
    expect((await fx.call("/h/AAAAAAAA")).status).toBe(404);
    expect((await fx.call("/h/not-a-short-id")).status).toBe(400);
  });
});
