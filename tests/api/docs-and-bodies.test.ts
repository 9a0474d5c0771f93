import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertsApi } from "../../functions/jobs/manage-alerts.js";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

const unreachable = () => {
  throw new Error("a body of the wrong type reached the handler");
};
let api: ApiFixture;
beforeAll(async () => {
  // The alerts are never reached: a wrong Content-Type is refused before the handler.
  const alerts = new Proxy({}, { get: () => unreachable }) as AlertsApi;
  api = await startApiFixture({ alerts });
});
afterAll(() => api.close());

describe("a body of the wrong type", () => {
  it.each([
    ["text/plain", "hello"],
    ["application/x-www-form-urlencoded", "channel=email"],
  ])("POST /alerts with %s is a documented 415 that says to send application/json", async (type, body) => {
    const res = await api.call("/alerts", { method: "POST", headers: { "content-type": type }, body });
    expect(res.status).toBe(415);
    const problem = (await res.json()) as { detail: string };
    expect(problem.detail).toBe(`send the body as application/json with a matching Content-Type header; got ${type}`);
  });

  it("every operation that takes a body documents 415", async () => {
    const withBody = Object.entries(api.doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>)
        .filter(([, op]) => op.requestBody)
        .map(([method, op]) => [`${method} ${path}`, Boolean(op.responses["415"])] as const),
    );
    expect(withBody.length).toBeGreaterThan(0);
    expect(withBody.filter(([, has]) => !has)).toEqual([]);
  });
});

describe("GET /headlines.json is documented as the JSON Feed it is", () => {
  it("declares an object schema with items, not a string", async () => {
    const op = api.doc.paths["/headlines.json"]?.get as unknown as { responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> };
    expect(op.responses["200"]?.content["application/feed+json"]?.schema.$ref).toBe("#/components/schemas/JsonFeed");
    const schema = api.doc.components.schemas.JsonFeed as { type: string; required: string[] };
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(expect.arrayContaining(["version", "items", "feed_url"]));
  });
});

describe("GET /docs", () => {
  it("pins one Swagger UI release with integrity hashes and a CSP that allows only jsDelivr and its own initializer", async () => {
    const res = await api.call("/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    const assets = [...html.matchAll(/(?:src|href)="(https:[^"]+)" integrity="(sha384-[A-Za-z0-9+/=]{64})" crossorigin="anonymous"/g)];
    expect(assets.map((m) => m[1])).toEqual([
      "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0/swagger-ui.css",
      "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0/swagger-ui-bundle.js",
      "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0/swagger-ui-standalone-preset.js",
    ]);
    // No unpinned or unchecked external file.
    expect(html.match(/(?:src|href)="https:/g)).toHaveLength(3);

    const csp = res.headers.get("content-security-policy") ?? "";
    const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
    expect(directive("default-src")).toBe("default-src 'none'");
    const inline = html.match(/<script>([^<]+)<\/script>/)?.[1] ?? "";
    const hash = createHash("sha256").update(inline).digest("base64");
    expect(directive("script-src")).toBe(`script-src https://cdn.jsdelivr.net 'sha256-${hash}'`);
    expect(directive("style-src")).toBe("style-src https://cdn.jsdelivr.net");
    expect(directive("connect-src")).toBe("connect-src 'self'");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
