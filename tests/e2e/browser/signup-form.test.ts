import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPageFixture, type PageFixture } from "./page-fixture.js";

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
  it("SMS to a +7 number is active at once; the page shows the manage token, and that token unsubscribes", async () => {
    const app = f.app();
    const res = await post(app, { ui: "ru", mode: "topic", topic: "military-bases", channel: "sms", address: "+7 701 123 45 67", client: "198.51.100.1" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const box = outcome(await res.text());
    expect(box).toContain('data-outcome="active"');
    expect(box).toContain("Оповещение включено");
    expect(box).toContain("Оповещения будут приходить на +7 701 123 45 67.");
    const token = /<code data-token="true">([^<]+)<\/code>/.exec(box)?.[1];
    const id = /\/alerts\/([A-Za-z0-9_-]+)<\/code>/.exec(box)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(box).toContain(`curl -X DELETE -H &quot;Authorization: Bearer ${token}&quot; http://localhost/alerts/${id}`);
    const del = await app.request(`/alerts/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(del.status).toBe(204);
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
    expect(html.startsWith('<div class="notice ok" role="status" data-outcome="active">')).toBe(true);
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
