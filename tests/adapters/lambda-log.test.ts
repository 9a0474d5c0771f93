import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createLambdaLogger } from "../../functions/adapters/lambda-log.js";
import { ConfigError } from "../../functions/core/errors.js";
import type { Logger } from "../../functions/core/logger.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const at = new Date("2026-11-30T05:00:00.000Z");

function capture(level?: string): { log: Logger; lines: () => Record<string, unknown>[] } {
  const out: string[] = [];
  const log = createLambdaLogger({ ...(level ? { level } : {}), write: (line) => out.push(line), now: () => at });
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

describe("Lambda log lines", () => {
  it("are one JSON object per line: level, time, the child's keys, the call's keys, msg", () => {
    const { log, lines } = capture();
    log.child({ job: "poll-feeds" }).info("source polled", { sourceId: "tengrinews-ru", status: 200, ms: 41 });
    expect(lines()).toEqual([
      { level: "info", time: "2026-11-30T05:00:00.000Z", job: "poll-feeds", sourceId: "tengrinews-ru", status: 200, ms: 41, msg: "source polled" },
    ]);
  });

  it("never carry addresses, phone numbers or tokens, in the call's keys, a child's, or one level down", () => {
    const { log, lines } = capture();
    log.child({ token: "t0k3n" }).warn("alert", { email: "a@b.kz", phone: "+77011234567", manageToken: "m4n", alert: { address: "a@b.kz", kind: "email" } });
    const text = JSON.stringify(lines());
    for (const secret of ["t0k3n", "a@b.kz", "+77011234567", "m4n"]) expect(text).not.toContain(secret);
    expect(lines()[0]).toMatchObject({ token: "[redacted]", email: "[redacted]", phone: "[redacted]", manageToken: "[redacted]", alert: { address: "[redacted]", kind: "email" } });
  });

  it.each([
    ["info", ["info", "warn", "error"]],
    ["warn", ["warn", "error"]],
    ["error", ["error"]],
    ["silent", []],
  ])("at level %s keep %j", (level, kept) => {
    const { log, lines } = capture(level);
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines().map((l) => l.level)).toEqual(kept);
  });

  it("refuse an unknown level at cold start, as pino did, naming the valid ones", () => {
    expect(() => createLambdaLogger({ level: "verbose" })).toThrow(ConfigError);
    expect(() => createLambdaLogger({ level: "verbose" })).toThrow(/silent/);
  });

  it("write errors with type, message and stack, and cut cycles instead of throwing", () => {
    const { log, lines } = capture();
    const cycle: Record<string, unknown> = { name: "c" };
    cycle.self = cycle;
    const e = new TypeError("bad row");
    log.error("request failed", { err: e, cycle, twice: [e, e] });
    const [line] = lines();
    expect(line).toMatchObject({ err: { type: "TypeError", message: "bad row" }, cycle: { name: "c", self: "[Circular]" } });
    expect((line!.err as { stack: string }).stack).toContain("TypeError: bad row");
    // The same object twice side by side is no cycle.
    expect(line!.twice).toEqual([line!.err, line!.err]);
  });
});

describe("the same lines as the local runtime's pino logger", () => {
  // pino writes to file descriptor 1 itself, so both run in a child process and their stdout is compared.
  const script = (factory: string) => `
    ${factory}
    const log = make();
    log.info("plain");
    log.info("fields", { sourceId: "x", ms: 12, email: "a@b.kz", nested: { phone: "+7", ok: 1 }, manageToken: "m", list: [1, "a"] });
    log.child({ job: "poll", token: "s" }).warn("child", { status: 500 });
    log.error("failed", { err: "Error: boom", code: undefined, none: null });
  `;
  const run = (code: string) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: root, encoding: "utf8", env: { ...process.env, DABYL_LOG_LEVEL: "info" } });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout
      .trim()
      .split("\n")
      .map((l) => ({ ...(JSON.parse(l) as Record<string, unknown>), time: "T" }));
  };

  it("have the same keys and values (time aside)", () => {
    const pino = run(script(`const { createLogger } = await import("./functions/adapters/log.ts"); const make = () => createLogger();`));
    const lambda = run(script(`const { createLambdaLogger } = await import("./functions/adapters/lambda-log.ts"); const make = () => createLambdaLogger();`));
    expect(lambda).toHaveLength(4);
    expect(lambda).toEqual(pino);
  });
});
