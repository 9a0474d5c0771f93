import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

const pinned = new Date("2026-11-30T05:00:00.000Z");
let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture({ now: () => pinned });
});
afterAll(() => api.close());

describe("GET /sources", () => {
  it("tells when a never-polled source is due by the API's clock, like every other route", async () => {
    const { res, body } = await api.json<{ sources: { id: string; status: string; nextPollAt: string }[] }>("/sources");
    expect(res.status).toBe(200);
    const pending = body.sources.filter((s) => s.status === "pending");
    expect(pending.length).toBeGreaterThan(0);
    for (const s of pending) expect(s.nextPollAt).toBe(pinned.toISOString());
  });
});
