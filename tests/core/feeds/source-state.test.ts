import { describe, expect, it } from "vitest";
import { backoffMs, describeSource, emptyState, isDue, nextState, type SourceState } from "../../../functions/core/feeds/source-state.js";

const start = new Date("2026-11-30T10:00:00Z");
const schedule = { cycleStart: start, cycleMinutes: 5, maxBackoffMs: 6 * 3_600_000 };
const min = 60_000;

function fail(times: number, extra: { retryAt?: Date } = {}): SourceState {
  let s = emptyState("s");
  for (let i = 0; i < times; i++) s = nextState(s, { ok: false, error: "HTTP 500", ...extra }, start, schedule);
  return s;
}

describe("backoff", () => {
  it.each([
    [1, 0],
    [2, 10 * min],
    [3, 20 * min],
    [4, 40 * min],
    [7, 320 * min],
    [8, 360 * min],
    [50, 360 * min],
  ])("after %i failures in a row waits %i ms (retry next cycle first, then doubling, capped at 6 h)", (n, ms) => {
    expect(backoffMs(n, 5 * min, 6 * 3_600_000)).toBe(ms);
  });

  it("holds a source that failed repeatedly, and frees it when due", () => {
    const s = fail(3);
    expect(s).toMatchObject({ consecutiveFailures: 3, holdUntil: "2026-11-30T10:20:00.000Z", nextPollAt: "2026-11-30T10:20:00.000Z" });
    expect(isDue(s, new Date("2026-11-30T10:05:00Z"))).toBe(false);
    expect(isDue(s, new Date("2026-11-30T10:20:00Z"))).toBe(true);
  });

  it("retries a single failure at the next cycle", () => {
    const s = fail(1);
    expect(s.holdUntil).toBeNull();
    expect(s.nextPollAt).toBe("2026-11-30T10:05:00.000Z");
    expect(isDue(s, start)).toBe(true);
  });
});

describe("Retry-After", () => {
  it("holds the source until the server's time even on the first failure", () => {
    const s = fail(1, { retryAt: new Date("2026-11-30T11:00:00Z") });
    expect(s.nextPollAt).toBe("2026-11-30T11:00:00.000Z");
    expect(isDue(s, new Date("2026-11-30T10:59:00Z"))).toBe(false);
  });
});

describe("success", () => {
  it("clears failures and hold, keeps validators, and polls next cycle", () => {
    const s = nextState(fail(4), { ok: true, itemCount: 12, etag: '"v1"', lastModified: "Mon, 30 Nov 2026 09:00:00 GMT" }, start, schedule);
    expect(s).toMatchObject({ consecutiveFailures: 0, lastError: null, holdUntil: null, itemCount: 12, etag: '"v1"', nextPollAt: "2026-11-30T10:05:00.000Z" });
  });

  it("keeps the item count and validators on 304", () => {
    const first = nextState(emptyState("s"), { ok: true, itemCount: 7, etag: '"v1"' }, start, schedule);
    expect(nextState(first, { ok: true, itemCount: 0, notModified: true }, start, schedule)).toMatchObject({ itemCount: 7, etag: '"v1"' });
  });

  it("honours a source's own longer interval", () => {
    const s = nextState(emptyState("s"), { ok: true, itemCount: 1 }, start, { ...schedule, intervalMinutes: 60 });
    expect(s.holdUntil).toBe("2026-11-30T11:00:00.000Z");
    expect(isDue(s, new Date("2026-11-30T10:30:00Z"))).toBe(false);
  });
});

describe("describeSource", () => {
  it("shows nextPollAt for a source never polled as now", () => {
    const d = describeSource({ id: "s", kind: "rss", url: "https://e.kz/f" }, undefined, start);
    expect(d).toMatchObject({ status: "pending", nextPollAt: start.toISOString(), lastWarning: null });
  });
});
