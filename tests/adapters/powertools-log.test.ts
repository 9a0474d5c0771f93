import { afterEach, describe, expect, it, vi } from "vitest";
import { createPowertoolsLogger } from "../../functions/adapters/powertools-log.js";
import { ConfigError } from "../../functions/core/errors.js";
import type { Logger } from "../../functions/core/logger.js";

// Powertools prints through its own Console on process.stdout (info) and process.stderr (warn, error).
function capture(level = "info"): { log: Logger; lines: () => Record<string, unknown>[] } {
  const out: string[] = [];
  const keep = (chunk: unknown) => {
    out.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(keep);
  vi.spyOn(process.stderr, "write").mockImplementation(keep);
  const log = createPowertoolsLogger(level);
  return {
    log,
    lines: () =>
      out.map((line) => {
        expect(line.endsWith("\n")).toBe(true);
        expect(line.slice(0, -1)).not.toContain("\n");
        return JSON.parse(line) as Record<string, unknown>;
      }),
  };
}
afterEach(() => vi.restoreAllMocks());

describe("Lambda log lines (Powertools Logger)", () => {
  it("are one JSON object per line: level, message, timestamp, service, the child's keys and the call's keys", () => {
    const { log, lines } = capture();
    log.child({ job: "poll-feeds" }).info("source polled", { sourceId: "tengrinews-ru", status: 200, ms: 41 });
    const [line] = lines();
    expect(line).toMatchObject({ level: "INFO", message: "source polled", service: "dabyl", job: "poll-feeds", sourceId: "tengrinews-ru", status: 200, ms: 41 });
    expect(Date.parse(line!.timestamp as string)).not.toBeNaN();
  });

  it("keep a child's keys out of its parent, and a grandchild's keys add to its parent's", () => {
    const { log, lines } = capture();
    const job = log.child({ job: "poll-fx" });
    job.child({ sourceId: "nbk-rates" }).info("polled");
    job.info("done");
    log.info("root");
    const [a, b, c] = lines();
    expect(a).toMatchObject({ job: "poll-fx", sourceId: "nbk-rates" });
    expect(b).toMatchObject({ job: "poll-fx" });
    expect(b).not.toHaveProperty("sourceId");
    expect(c).not.toHaveProperty("job");
  });

  it("never carry addresses, phone numbers or tokens, in the call's keys, a child's, or one level down", () => {
    const { log, lines } = capture();
    log.child({ token: "t0k3n" }).warn("alert", { email: "a@b.kz", phone: "+77011234567", manageToken: "m4n", alert: { address: "a@b.kz", kind: "email" } });
    const text = JSON.stringify(lines());
    for (const secret of ["t0k3n", "a@b.kz", "+77011234567", "m4n"]) expect(text).not.toContain(secret);
    expect(lines()[0]).toMatchObject({ token: "[redacted]", email: "[redacted]", phone: "[redacted]", manageToken: "[redacted]", alert: { address: "[redacted]", kind: "email" } });
  });

  it.each([
    ["debug", ["INFO", "WARN", "ERROR"]],
    ["info", ["INFO", "WARN", "ERROR"]],
    ["warn", ["WARN", "ERROR"]],
    ["error", ["ERROR"]],
    ["silent", []],
  ])("DABYL_LOG_LEVEL=%s keeps %j", (level, kept) => {
    const { log, lines } = capture(level);
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines().map((l) => l.level)).toEqual(kept);
  });

  it.each(["verbose", "INFO ", "toString"])("refuses the level %j at cold start, naming the valid ones", (level) => {
    expect(() => createPowertoolsLogger(level)).toThrow(ConfigError);
    expect(() => createPowertoolsLogger(level)).toThrow(/silent/);
  });

  it("writes errors with name, message and stack, and does not throw on cycles", () => {
    const { log, lines } = capture();
    const cycle: Record<string, unknown> = { name: "c" };
    cycle.self = cycle;
    log.error("request failed", { err: new TypeError("bad row"), cycle });
    const [line] = lines();
    expect(line).toMatchObject({ err: { name: "TypeError", message: "bad row" }, cycle: { name: "c" } });
    expect((line!.err as { stack: string }).stack).toContain("TypeError: bad row");
  });
});
