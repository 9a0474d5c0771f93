import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../../functions/core/logger.js";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

/** A logger that keeps its lines, with the fields of every child merged in. */
function recordingLogger(lines: Record<string, unknown>[], base: Record<string, unknown> = {}): Logger {
  const write = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push({ level, msg, ...base, ...fields });
  return { info: write("info"), warn: write("warn"), error: write("error"), child: (f) => recordingLogger(lines, { ...base, ...f }) };
}

const KEY = "test-admin-key-0123456789abcdef";
const lines: Record<string, unknown>[] = [];
let polls = 0;
let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture({
    log: recordingLogger(lines),
    adminApiKey: KEY,
    runPollers: async () => {
      polls++;
    },
    corsOrigins: ["https://reader.example.kz"],
  });
});
afterAll(() => api.close());

describe("HTTP caching", () => {
  it.each(["/headlines", "/headlines?q=%D0%B1%D0%B0%D0%B7%D0%B0", "/headlines/base-ru-1", "/headlines.rss", "/headlines.atom", "/headlines.json", "/health"])(
    "GET %s has an ETag and Cache-Control, and If-None-Match gives 304 without a body",
    async (path) => {
      const first = await api.call(path);
      expect(first.status).toBe(200);
      const tag = first.headers.get("etag");
      expect(tag).toMatch(/^(W\/)?"[^"]+"$/);
      expect(first.headers.get("cache-control")).toMatch(/max-age=\d+|no-store|no-cache/);
      const again = await api.call(path, { headers: { "If-None-Match": tag as string } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(tag);
      expect(again.headers.get("x-request-id")).toBeTruthy();
    },
  );

  it("a changed body gets a new ETag", async () => {
    const a = await api.call("/headlines?limit=1");
    const b = await api.call("/headlines?limit=2");
    expect(a.headers.get("etag")).not.toBe(b.headers.get("etag"));
  });

  it("errors are never cached", async () => {
    const res = await api.call("/headlines?limit=0");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("etag")).toBeNull();
  });
});

describe("errors are problem+json", () => {
  it("405 on a known path with the wrong method, with Allow", async () => {
    const res = await api.call("/headlines", { method: "PUT" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("404 on an unknown path", async () => {
    const res = await api.call("/nowhere/at/all");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { status: number }).status).toBe(404);
  });

  it("413 on a body over the limit", async () => {
    const res = await api.call("/admin/poll", {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(70 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(polls).toBe(0);
  });

  it("500 hides internals and logs them with the request id", async () => {
    const broken = await startApiFixture({ log: recordingLogger(lines), search: { search: () => Promise.reject(new Error("ECONNREFUSED 10.1.2.3:8000 table dabyl-prod")) } });
    try {
      const res = await broken.call("/headlines", { headers: { "X-Request-Id": "trace-0123456789" } });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/10\.1\.2\.3|dabyl-prod|at .*\.ts/);
      expect(lines.find((l) => l.level === "error" && l.requestId === "trace-0123456789")).toBeTruthy();
    } finally {
      await broken.close();
    }
  });

  it("429 with Retry-After once a client is over its limit", async () => {
    // The fixture's own GET /openapi.json is the first of the 4 allowed.
    const limited = await startApiFixture({ rateLimit: { limit: 4, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.call("/sources")).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await limited.call("/sources");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    } finally {
      await limited.close();
    }
  });
});

describe("CORS", () => {
  it("allows a configured origin and not another", async () => {
    const ok = await api.call("/headlines", { headers: { Origin: "https://reader.example.kz" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://reader.example.kz");
    expect(ok.headers.get("access-control-expose-headers")).toMatch(/ETag/);
    const other = await api.call("/headlines", { headers: { Origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a preflight", async () => {
    const res = await api.call("/admin/poll", {
      method: "OPTIONS",
      headers: { Origin: "https://reader.example.kz", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toMatch(/POST/);
  });
});

describe("request ids and logs", () => {
  it("keeps a sane incoming X-Request-Id and replaces a strange one", async () => {
    expect((await api.call("/health", { headers: { "X-Request-Id": "abc-12345678" } })).headers.get("x-request-id")).toBe("abc-12345678");
    const odd = (await api.call("/health", { headers: { "X-Request-Id": "bad id\"{}" } })).headers.get("x-request-id");
    expect(odd).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes one line per request with route, status, duration and request id, without the query", async () => {
    lines.length = 0;
    const res = await api.call(`/headlines/base-ru-1?secret=${encodeURIComponent("+77011234567")}`);
    const requestLines = lines.filter((l) => l.msg === "request");
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ method: "GET", route: "/headlines/:id", status: 200, requestId: res.headers.get("x-request-id") });
    expect(typeof requestLines[0]?.ms).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("77011234567");
  });
});

describe("POST /admin/poll", () => {
  it.each([
    ["no key", {}],
    ["a wrong bearer key", { Authorization: "Bearer nope" }],
    ["a wrong X-Api-Key", { "X-Api-Key": `${KEY}x` }],
  ])("is 401 with %s", async (_label, headers) => {
    const res = await api.call("/admin/poll", { method: "POST", headers });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(polls).toBe(0);
  });

  it.each([
    ["Authorization: Bearer", { Authorization: `Bearer ${KEY}` }],
    ["X-Api-Key", { "X-Api-Key": KEY }],
  ])("runs the pollers with %s", async (_label, headers) => {
    const before = polls;
    const { res, body } = await api.json("/admin/poll", { method: "POST", headers });
    expect(res.status).toBe(200);
    expect(body.ok).toBe(true);
    expect(polls).toBe(before + 1);
  });

  it("is closed when no key is configured", async () => {
    const closed = await startApiFixture({ runPollers: async () => undefined });
    try {
      const res = await closed.call("/admin/poll", { method: "POST", headers: { Authorization: "Bearer anything" } });
      expect(res.status).toBe(401);
    } finally {
      await closed.close();
    }
  });

  it("GET on it is a 405, not a 401", async () => {
    expect((await api.call("/admin/poll")).status).toBe(405);
  });
});

describe("docs", () => {
  it("serves the OpenAPI 3.1 document and the Swagger UI page", async () => {
    const doc = (await (await api.call("/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/headlines", "/headlines.rss", "/headlines.atom", "/headlines.json", "/admin/poll"]));
    const page = await api.call("/docs");
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("/openapi.json");
  });
});
