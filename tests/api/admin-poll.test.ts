import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

const KEY = "admin-poll-key-0123456789abcdef";
const auth = { Authorization: `Bearer ${KEY}` };

describe("POST /admin/poll", () => {
  let local: ApiFixture;
  let aws: ApiFixture;
  beforeAll(async () => {
    local = await startApiFixture({ adminApiKey: KEY, runPollers: async () => undefined });
    aws = await startApiFixture({ adminApiKey: KEY, runPollers: async () => ({ started: ["poll-feeds", "poll-fx"] }) });
  });
  afterAll(async () => {
    await local.close();
    await aws.close();
  });

  it("answers 200 with the run's duration when the pollers ran in this process (the local runtime)", async () => {
    const { res, body } = await local.json("/admin/poll", { method: "POST", headers: auth });
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true, ms: expect.any(Number) });
  });

  it("answers 202 Accepted with the jobs it started when the pollers run elsewhere (AWS)", async () => {
    const { res, body } = await aws.json("/admin/poll", { method: "POST", headers: auth });
    expect(res.status).toBe(202);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({ ok: true, started: ["poll-feeds", "poll-fx"] });
  });

  it("documents both answers in /openapi.json", () => {
    const responses = (aws.doc.paths["/admin/poll"] as { post: { responses: Record<string, unknown> } }).post.responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(["200", "202", "401"]));
  });
});
