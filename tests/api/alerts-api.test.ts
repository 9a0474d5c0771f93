import { GetSubscriptionAttributesCommand, SubscribeCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
  // The app is built before its table exists, so it gets a forwarder to the alerts built right after.
  const proxy: AlertsApi = { create: (i) => inner.create(i), get: (id, t) => inner.get(id, t), remove: (id, t) => inner.remove(id, t) };
  fx = await startApiFixture({ alerts: proxy });
  inner = makeAlerts({
    stores: fx.db.stores.alertStores,
    notifier: makeSnsNotifier(snsClient()),
    log: capturingLogger(),
    settings: { ...alertSettings, smsCountryCodes: ["7"] },
    stage: "test",
    publicUrl: "https://api.dabyl.kz",
    topics,
  }).api;
});
afterEach(() => fx.close());

const post = (body: unknown, client = "203.0.113.7") =>
  fx.json("/alerts", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": client }, body: JSON.stringify(body) });
// Bodiless answers (204, 302) go around the contract checker, which expects a documented content type on everything but 304.
const del = (id: string, token: string) => fx.app.request(`/alerts/${id}`, { method: "DELETE", ...auth(token) });
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const email = (n = 1) => `reader${n}@example.kz`;

describe("POST /alerts", () => {
  it("subscribes an email address: SNS mails the confirmation, the alert is pending until then", async () => {
    const { res, body } = await post({ query: "военная база", channel: "email", address: email(), frequency: "instant" });
    expect(res.status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(["id", "manageToken", "status"]);
    expect(body.status).toBe("pending-confirmation");
    expect(res.headers.get("location")).toBe(`/alerts/${body.id}`);
    const sub = sns.commandCalls(SubscribeCommand)[0]?.args[0].input;
    expect(sub).toMatchObject({ Protocol: "email", Endpoint: email(), ReturnSubscriptionArn: true });
    expect(sub?.TopicArn).toMatch(/:dabyl-test-[0-9a-f]{20}$/);
  });

  it("subscribes a +7 phone by SMS (active at once) and a curated topic", async () => {
    const { res, body } = await post({ topic: "military-bases", channel: "sms", address: "+7 701 123 45 67" });
    expect(res.status).toBe(201);
    expect(body.status).toBe("active");
    expect(sns.commandCalls(SubscribeCommand)[0]?.args[0].input).toMatchObject({ Protocol: "sms", Endpoint: "+77011234567" });
  });

  it.each([
    [{ query: "база", channel: "sms", address: "+14155550100" }, "address", /\+7/],
    [{ query: "база", channel: "sms", address: "87011234567" }, "address", /international format/],
    [{ query: "база", channel: "email", address: "not-an-email" }, "address", /name@example/],
    [{ query: '"военная база', channel: "email", address: email() }, "query", /quote/i],
    [{ query: "-база", channel: "email", address: email() }, "query", /./],
    [{ query: "", channel: "email", address: email() }, "query", /./],
    [{ query: "база", topic: "floods", channel: "email", address: email() }, "query", /exactly one/],
    [{ channel: "email", address: email() }, "query", /exactly one/],
    [{ topic: "no-such-topic", channel: "email", address: email() }, "topic", /GET \/topics/],
    [{ fx: "USD/KZT soon", channel: "email", address: email() }, "condition", /USD\/KZT above 520/],
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

  it("gives a phone number at most 3 alerts", async () => {
    for (const q of ["база", "пожар", "паводок"]) expect((await post({ query: q, channel: "sms", address: "+77011234567" }, `10.0.0.${q.length}`)).res.status).toBe(201);
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

  it("rate-limits new alerts per client (429 with Retry-After)", async () => {
    for (let i = 0; i < alertSettings.perClientLimit; i++) expect((await post({ query: "база", channel: "email", address: email(i) })).res.status).toBe(201);
    const { res, body } = await post({ query: "база", channel: "email", address: email(999) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(body.detail).toMatch(/this client/);
    expect((await post({ query: "база", channel: "email", address: email(999) }, "198.51.100.1")).res.status).toBe(201);
  });
});

describe("GET and DELETE /alerts/{id}", () => {
  it("shows the owner the alert, refreshing the confirmation from SNS, and never the address", async () => {
    const { body: created } = await post({ query: "Военная   база", channel: "email", address: email() });
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { PendingConfirmation: "true" } });
    const first = await fx.json(`/alerts/${created.id}`, auth(created.manageToken));
    expect(first.res.status).toBe(200);
    expect(first.body).toEqual({ id: created.id, status: "pending-confirmation", channel: "email", kind: "query", query: "база военная", createdAt: expect.any(String) });
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

  it("unsubscribes in SNS on DELETE; the alert is then gone", async () => {
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
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

  it("keeps addresses and tokens out of every log line", async () => {
    const { body } = await post({ query: "база", channel: "sms", address: "+77011234567" });
    await post({ query: "база", channel: "email", address: email(7) });
    await del(body.id, body.manageToken);
    const all = logLines.join("\n");
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of ["77011234567", "reader7", "example.kz", body.manageToken]) expect(all).not.toContain(secret);
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
