import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const unb64 = (c: string) => JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as Record<string, unknown>;

/** A genuine cursor for the filters, decoded, so a forgery can keep whatever it does not mean to change. */
async function genuine(query: string): Promise<Record<string, unknown>> {
  const { body } = await api.json(`/headlines?${query}`);
  expect(body.nextCursor).toEqual(expect.any(String));
  return unb64(body.nextCursor);
}

async function expectCursor400(query: string, cursor: string) {
  const { res, body } = await api.json(`/headlines?${query}&cursor=${encodeURIComponent(cursor)}`);
  expect(res.status).toBe(400);
  expect(body.invalidParams.map((p: { name: string }) => p.name)).toEqual(["cursor"]);
}

describe("a forged or broken cursor is a 400 naming cursor, never a 500", () => {
  it.each([
    ["not base64url", "!!!"],
    ["not JSON", b64("{nope")],
    ["JSON null", b64("null")],
    ["a JSON array", b64([1, 2])],
    ["a JSON string", b64('"x"')],
    ["an empty object", b64({})],
  ])("%s", async (_name, cursor) => {
    await expectCursor400("limit=2", cursor);
  });

  it("DynamoDB keys from another partition (the old cursor shape) are refused", async () => {
    const { f } = await genuine("lang=kk&limit=1");
    const forged = b64({
      i: "gsi3",
      f,
      k: { gsi3pk: "LANG#ru", gsi3sk: "2026-11-29T23:50:00.000Z#base-ru-1", pk: "HL#base-ru-1", sk: "HL" },
    });
    await expectCursor400("lang=kk&limit=1", forged);
  });

  it.each([
    ["a position after until", "until=2026-11-29T23:00:00Z&limit=2", "2026-11-29T23:30:00.000Z#x"],
    ["a position before since", "since=2026-11-29T23:00:00Z&limit=2", "2026-11-29T22:00:00.000Z#x"],
    ["a position at since itself", "since=2026-11-29T23:00:00Z&limit=2", "2026-11-29T23:00:00.000Z"],
    ["a position that is not a sort key", "limit=2", "yesterday"],
    ["an oversized id", "limit=2", `2026-11-29T22:00:00.000Z#${"x".repeat(200)}`],
  ])("%s is refused", async (_name, query, a) => {
    const { f } = await genuine(query);
    await expectCursor400(query, b64({ f, a }));
  });

  it("a cursor longer than 2048 characters is refused by validation", async () => {
    await expectCursor400("limit=2", "A".repeat(3000));
  });

  it("a well-formed position inside the range only moves the page: it reveals nothing and breaks nothing", async () => {
    const { f } = await genuine("limit=2");
    // base-ru-2 is 23:35Z: the page starts just below it.
    const { res, body } = await api.json(`/headlines?limit=2&cursor=${b64({ f, a: "2026-11-29T23:35:00.000Z#base-ru-2" })}`);
    expect(res.status).toBe(200);
    expect(body.items.map((h: { id: string }) => h.id)).toEqual(["base-kk-1", "base-en-1"]);
  });

  it.each(["rss", "atom", "json"])("the feeds answer a broken cursor the same way (.%s)", async (ext) => {
    const res = await api.call(`/headlines.${ext}?cursor=${b64({ f: "x", a: 1 })}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { invalidParams: { name: string }[] }).invalidParams[0]?.name).toBe("cursor");
  });
});
