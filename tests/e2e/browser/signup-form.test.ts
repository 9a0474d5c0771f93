import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sentTexts, startPageFixture, type PageFixture } from "./page-fixture.js";

let f: PageFixture;
beforeAll(async () => {
  f = await startPageFixture();
});
afterAll(() => f.close());

type Form = Record<string, string>;
const post = (app: ReturnType<PageFixture["app"]>, form: Form, headers: Record<string, string> = {}) =>
  app.request("/", { method: "POST", body: new URLSearchParams(form), headers: { "x-forwarded-for": form.client ?? "203.0.113.7", ...headers } });

function outcome(html: string): string {
  const m = /<div id="alert-outcome"[^>]*>(.*?)<\/div><form/s.exec(html);
  return m?.[1] ?? "";
}

describe("alert sign-up without JavaScript (POST / with a form body)", () => {
  it("SMS asks for the texted code on the page; the code form turns the alert on, and its manage page unsubscribes", async () => {
    const app = f.app();
    const res = await post(app, { ui: "ru", mode: "topic", topic: "military-bases", channel: "sms", address: "+7 701 123 45 67", client: "198.51.100.1" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const box = outcome(await res.text());
    expect(box).toContain('data-outcome="verify"');
    expect(box).toContain("Почти готово: подтвердите номер");
    expect(box).toContain("Мы отправили SMS с 6-значным кодом на +7 701 123 45 67. Введите его ниже.");
    expect(box).not.toContain("curl");
    const token = /<code data-token="true">([^<]+)<\/code>/.exec(box)?.[1] ?? "";
    const id = /action="\/alerts\/([A-Za-z0-9_-]+)\/manage"/.exec(box)?.[1] ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(box).toContain(`name="token" value="${token}"`);
    expect(box).toContain(`href="http://localhost/alerts/${id}/manage?token=${token}&amp;ui=ru"`);
    const code = /(\d{6})/.exec(sentTexts.at(-1) ?? "")?.[1] ?? "";
    expect(sentTexts.at(-1)).toMatch(/^dabyl: код подтверждения \d{6}\./);

    const verified = await app.request(`/alerts/${id}/manage`, { method: "POST", body: new URLSearchParams({ token, ui: "ru", action: "verify", code }) });
    expect(verified.status).toBe(200);
    expect(await verified.text()).toContain('data-status="active"');
    const gone = await app.request(`/alerts/${id}/manage`, { method: "POST", body: new URLSearchParams({ token, ui: "ru", action: "unsubscribe" }) });
    expect(gone.status).toBe(200);
    expect(await gone.text()).toContain("Вы отписались");
    expect((await app.request(`/alerts/${id}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it("an address already subscribed to the same topic is told so (409)", async () => {
    const app = f.app();
    const form = { ui: "en", mode: "query", query: "Токаев", channel: "email", address: "twice@example.kz" };
    expect((await post(app, { ...form, client: "198.51.100.31" })).status).toBe(201);
    const res = await post(app, { ...form, query: "  токаев ", client: "198.51.100.32" });
    expect(res.status).toBe(409);
    const box = outcome(await res.text());
    expect(box).toContain('data-outcome="already-subscribed"');
    expect(box).toContain("This address is already subscribed to this alert.");
  });

  it("email waits for confirmation and says where to look (in the chosen language)", async () => {
    const res = await post(f.app(), { ui: "kk", mode: "query", query: "әскери база", channel: "email", address: "reader@example.kz", client: "198.51.100.2" });
    expect(res.status).toBe(201);
    const box = outcome(await res.text());
    expect(box).toContain('data-outcome="pending"');
    expect(box).toContain("Дерлік дайын: мекенжайды растаңыз");
    expect(box).toContain("reader@example.kz мекенжайына хат жібердік.");
  });

  it.each([
    ["an invalid phone", { mode: "query", query: "Токаев", channel: "sms", address: "8 701 123 45 67" }, "invalid-phone", "Номер телефона не подходит"],
    ["a foreign phone", { mode: "query", query: "Токаев", channel: "sms", address: "+998901234567" }, "invalid-phone", "only sent to numbers starting with +7"],
    ["a Russian phone", { mode: "query", query: "Токаев", channel: "sms", address: "+7 916 123 45 67" }, "invalid-phone", "not a Kazakhstan number"],
    ["an invalid email", { mode: "query", query: "Токаев", channel: "email", address: "not-an-address" }, "invalid-email", "Адрес эл. почты не подходит"],
    ["an invalid query", { mode: "query", query: '"военная база', channel: "email", address: "reader@example.kz" }, "invalid-query", "Запрос не удалось разобрать:"],
    ["an empty query", { mode: "query", query: "", channel: "email", address: "reader@example.kz" }, "invalid-query", "Запрос не удалось разобрать:"],
  ])("%s is a 400 page that says what to fix and keeps the input", async (_name, form, kind, message) => {
    const res = await post(f.app(), { ui: "ru", ...form, client: `198.51.100.${kind.length}` });
    expect(res.status).toBe(400);
    const html = await res.text();
    const box = outcome(html);
    expect(box).toContain(`data-outcome="${kind}"`);
    expect(box).toContain("Подписка не оформлена");
    expect(box).toContain(message);
    expect(html).toContain(`value="${form.address}"`);
  });

  it("too many attempts is a 429 page with Retry-After and the wait in words", async () => {
    const app = f.app({ settings: { perClientLimit: 1 } });
    const form = { ui: "en", mode: "topic", topic: "floods", channel: "sms", address: "+77011112233", client: "192.0.2.50" };
    expect((await post(app, form)).status).toBe(201);
    const res = await post(app, { ...form, address: "+77011112244" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const box = outcome(await res.text());
    expect(box).toContain('data-outcome="rate-limited"');
    expect(box).toMatch(/Too many sign-up attempts\. Try again in \d+ (minutes|hour)\./);
  });

  it("answers the page script with just the outcome fragment", async () => {
    const res = await post(f.app(), { ui: "en", mode: "topic", topic: "tokayev", channel: "sms", address: "+77015556677", client: "198.51.100.9" }, { "x-page-fragment": "1" });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.startsWith('<div class="notice warn" role="status" data-outcome="verify">')).toBe(true);
    expect(html).toContain('autocomplete="one-time-code"');
    expect(html).not.toContain("<html");
  });

  it("a deployment without alerts offers no form, and POST / is a 404 page saying so", async () => {
    const app = f.app({ alerts: false });
    const get = await (await app.request("/")).text();
    expect(get).not.toContain('id="alert-form"');
    expect(get).toContain("Подписка сейчас недоступна");
    const res = await post(app, { ui: "ru", mode: "topic", topic: "floods", channel: "sms", address: "+77011112233" });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Подписка сейчас недоступна");
    expect(html).not.toContain('id="alert-form"');
  });
});
