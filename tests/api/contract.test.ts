import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";
import { schemaErrors } from "./helpers/openapi-contract.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());

type Schema = Record<string, unknown>;

/** Every schema in the document that carries an example, with where it sits. */
function schemasWithExamples(node: unknown, at: string, out: { at: string; schema: Schema }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => schemasWithExamples(n, `${at}[${i}]`, out));
  else if (node && typeof node === "object") {
    const o = node as Schema;
    if ("example" in o && ("type" in o || "$ref" in o || "allOf" in o || "enum" in o)) out.push({ at, schema: o });
    for (const [k, v] of Object.entries(o)) if (k !== "example") schemasWithExamples(v, `${at}.${k}`, out);
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every headline route", () => {
    expect((api.doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(Object.keys(api.doc.paths)).toEqual(expect.arrayContaining(["/headlines", "/headlines/{id}", "/headlines.rss", "/headlines.atom", "/headlines.json", "/admin/poll", "/health"]));
  });

  it("has examples, and every example is valid against its own schema", () => {
    const found = schemasWithExamples(api.doc, "$");
    expect(found.length).toBeGreaterThan(10);
    const errors = found.flatMap(({ at, schema }) => schemaErrors(api.doc, schema, schema.example).map((e) => `${at}: ${e}`));
    expect(errors).toEqual([]);
  });

  it("every operation documents its errors as problem+json", () => {
    for (const [path, item] of Object.entries(api.doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const status of ["429", "500"]) {
          expect(op.responses[status]?.content?.["application/problem+json"], `${method} ${path} ${status}`).toBeTruthy();
        }
      }
    }
  });
});

describe("requests built from the documented examples", () => {
  const gets = () =>
    Object.entries(api.doc.paths).flatMap(([path, item]) => (item.get ? [{ path, op: item.get }] : []));

  it("every GET answered with all its parameter examples keeps the contract and never fails", async () => {
    expect(gets().length).toBeGreaterThan(5);
    for (const { path, op } of gets()) {
      let url = path;
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) {
        const example = p.example ?? p.schema?.example;
        if (example === undefined) continue;
        if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(String(example)));
        else if (p.in === "query") query.set(p.name, String(example));
      }
      if (/\{/.test(url)) continue; // a path parameter without an example: nothing to send
      const res = await api.call(`${url}${query.size ? `?${query}` : ""}`); // api.call checks the contract
      expect(res.status, `${url}?${query}`).toBeLessThan(500);
    }
  });

  it("each query parameter example alone is accepted (200)", async () => {
    for (const { path, op } of gets()) {
      if (path.includes("{")) continue;
      for (const p of op.parameters ?? []) {
        const example = p.example ?? p.schema?.example;
        if (p.in !== "query" || example === undefined) continue;
        const res = await api.call(`${path}?${new URLSearchParams({ [p.name]: String(example) })}`);
        expect(res.status, `${path} ${p.name}=${String(example)}`).toBe(200);
      }
    }
  });
});
