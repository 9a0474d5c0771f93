import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeLocalSink } from "../../functions/adapters/sns/local-sink.js";
import type { Notifier } from "../../functions/adapters/sns/notifier.js";
import { alertSettings } from "../../functions/config/alerts.js";
import { topics } from "../../functions/config/topics.js";
import { silentLogger } from "../../functions/core/logger.js";
import { makeAlerts } from "../../functions/jobs/make-alerts.js";
import type { AlertsApi } from "../../functions/jobs/manage-alerts.js";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

let fx: ApiFixture;
let inner: AlertsApi;
let texts: string[];
let clock: { now: Date };

/** The local sink, remembering what it texted straight to numbers (the codes). */
function recordingNotifier(): Notifier {
  const sink = makeLocalSink(null, silentLogger);
  return { ...sink, sendSms: async (phone, text) => (texts.push(text), sink.sendSms(phone, text)) };
}

beforeEach(async () => {
  texts = [];
  clock = { now: new Date("2026-11-30T06:00:00Z") };
  const proxy: AlertsApi = {
    create: (i) => inner.create(i),
    get: (id, t) => inner.get(id, t),
    remove: (id, t) => inner.remove(id, t),
    verify: (id, t, c) => inner.verify(id, t, c),
    resend: (id, t) => inner.resend(id, t),
  };
  fx = await startApiFixture({ alerts: proxy });
  inner = makeAlerts({
    stores: fx.db.stores.alertStores, notifier: recordingNotifier(), log: silentLogger, settings: alertSettings,
    stage: "test", publicUrl: "https://api.dabyl.kz", topics, now: () => clock.now,
  }).api;
});
afterEach(() => fx.close());

const create = async (body: Record<string, unknown>) =>
  (await fx.json("/alerts", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" }, body: JSON.stringify(body) })).body;
const form = (id: string, fields: Record<string, string>) =>
  fx.app.request(`/alerts/${id}/manage`, { method: "POST", body: new URLSearchParams(fields) });
const code = () => /\b(\d{6})\b/.exec(texts.at(-1) ?? "")?.[1] ?? "";

describe("the manage page", () => {
  it("shows the alert behind a tokenised link, without caching, indexing or a Referer", async () => {
    const a = await create({ query: "  Военная база ", channel: "email", address: "reader@example.kz", lang: "en" });
    const res = await fx.app.request(new URL(a.manageUrl).pathname + new URL(a.manageUrl).search);
    expect(res.status).toBe(200);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
    const html = await res.text();
    expect(html).toContain("Your alert");
    expect(html).toContain("Военная база");
    expect(html).toContain('<button type="submit" name="action" value="unsubscribe">Unsubscribe</button>');
    expect(html).toContain(`name="token" value="${a.manageToken}"`);
  });

  it("answers 404 alike for a wrong token and an unknown alert", async () => {
    const a = await create({ query: "база", channel: "email", address: "reader@example.kz" });
    const wrong = await fx.app.request(`/alerts/${a.id}/manage?token=${"x".repeat(43)}&ui=ru`);
    const unknown = await fx.app.request(`/alerts/AAAAAAAAAAAAAAAA/manage?token=${a.manageToken}&ui=ru`);
    const none = await fx.app.request(`/alerts/${a.id}/manage`);
    for (const r of [wrong, unknown, none]) {
      expect(r.status).toBe(404);
      expect(await r.text()).toContain("Такого оповещения нет");
    }
  });

  it("unsubscribes with a plain form post; the link then shows nothing", async () => {
    const a = await create({ query: "база", channel: "email", address: "reader@example.kz" });
    const res = await form(a.id, { token: a.manageToken, action: "unsubscribe", ui: "kk" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Сіз жазылымнан шықтыңыз");
    expect((await fx.app.request(`/alerts/${a.id}`, { headers: { authorization: `Bearer ${a.manageToken}` } })).status).toBe(404);
    expect((await form(a.id, { token: a.manageToken, action: "unsubscribe" })).status).toBe(404);
  });

  it("takes the SMS code: a wrong one says how many tries are left, the right one turns the alert on", async () => {
    const a = await create({ topic: "floods", channel: "sms", address: "+77011234567", lang: "ru" });
    const page = await (await fx.app.request(`/alerts/${a.id}/manage?token=${a.manageToken}`)).text();
    expect(page).toContain("ждёт код из SMS");
    expect(page).toContain('autocomplete="one-time-code"');
    const bad = await form(a.id, { token: a.manageToken, action: "verify", code: code() === "000000" ? "111111" : "000000", ui: "ru" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Код не подходит. Осталось попыток: 4.");
    const malformed = await form(a.id, { token: a.manageToken, action: "verify", code: "12", ui: "en" });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain("The code is the 6 digits from the SMS.");
    const good = await form(a.id, { token: a.manageToken, action: "verify", code: code(), ui: "ru" });
    expect(good.status).toBe(200);
    const html = await good.text();
    expect(html).toContain('data-outcome="active"');
    expect(html).toContain('data-status="active"');
    expect(html).not.toContain("one-time-code");
    // The confirmation SMS carries this very link.
    expect(texts.at(-1)).toContain(a.manageUrl);
  });

  it("sends a new code on request, a minute apart at least", async () => {
    const a = await create({ topic: "floods", channel: "sms", address: "+77011234567", lang: "en" });
    const soon = await form(a.id, { token: a.manageToken, action: "resend", ui: "en" });
    expect(soon.status).toBe(429);
    expect(await soon.text()).toContain("A code was just sent.");
    clock.now = new Date(clock.now.getTime() + 61_000);
    const again = await form(a.id, { token: a.manageToken, action: "resend", ui: "en" });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("A new code is on its way.");
    expect(texts).toHaveLength(2);
  });
});

describe("GET /unsubscribe", () => {
  it.each([
    ["ru", "Как отписаться", "STOP"],
    ["kk", "қалай бас тартуға болады", "STOP"],
    ["en", "How to stop dabyl alerts", "unsubscribe"],
  ])("explains how to stop alerts (%s)", async (ui, title, word) => {
    const res = await fx.app.request(`/unsubscribe?ui=${ui}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(title);
    expect(html).toContain(word);
  });
});
