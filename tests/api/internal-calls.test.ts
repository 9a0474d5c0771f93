import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../../functions/core/logger.js";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

function recordingLogger(lines: Record<string, unknown>[], base: Record<string, unknown> = {}): Logger {
  const write = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push({ level, msg, ...base, ...fields });
  return { info: write("info"), warn: write("warn"), error: write("error"), child: (f) => recordingLogger(lines, { ...base, ...f }) };
}

const lines: Record<string, unknown>[] = [];
let api: ApiFixture;
let clients = 0;
beforeAll(async () => {
  api = await startApiFixture({ log: recordingLogger(lines), rateLimit: { limit: 3, windowMs: 60_000, now: () => 0 } });
});
afterAll(() => api.close());

/** Each test is its own client, so limits do not leak between tests. */
const client = () => ({ "x-forwarded-for": `203.0.113.${++clients}` });

describe("the front page's in-process API calls", () => {
  it("count once against the client's rate limit: three page views fit a limit of three", async () => {
    const headers = client();
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.app.request("/", { headers });
      expect(res.status).toBe(200);
      const html = await res.text();
      // The headlines and the rates were really read, not refused by the limiter.
      expect(html).toContain("WSJ");
      expect(html).not.toMatch(/Новости сейчас недоступны|Курсы сейчас недоступны/);
      remaining.push(res.headers.get("ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    expect((await api.app.request("/", { headers })).status).toBe(429);
  });

  it("write one request log line per page view, for the page itself", async () => {
    lines.length = 0;
    const res = await api.app.request("/", { headers: client() });
    expect(res.status).toBe(200);
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests).toEqual([expect.objectContaining({ method: "GET", route: "/", status: 200, requestId: res.headers.get("x-request-id") })]);
  });

  it("an outside request cannot pass itself off as internal", async () => {
    const headers = { ...client(), "x-dabyl-internal": "1", "x-internal": "true" };
    for (let i = 0; i < 3; i++) expect((await api.app.request("/headlines?limit=1", { headers })).status).toBe(200);
    expect((await api.app.request("/headlines?limit=1", { headers })).status).toBe(429);
  });
});

describe("GET /health", () => {
  it("answers a client that is over its limit, and does not use up the limit", async () => {
    const headers = client();
    for (let i = 0; i < 5; i++) expect((await api.app.request("/health", { headers })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await api.app.request("/headlines?limit=1", { headers })).status).toBe(200);
    expect((await api.app.request("/headlines?limit=1", { headers })).status).toBe(429);
    const health = await api.call("/health", { headers });
    expect(health.status).toBe(200);
  });

  it("is never cached", async () => {
    const res = await api.call("/health");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
