import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoBreaking } from "../../functions/local/demo-feeds.js";

const KEY = "demo-test-admin-key-0123456789";
let dir: string;
let child: ReturnType<typeof spawn>;
let out = "";
let exited: Promise<number | null>;

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} not seen in ${ms} ms:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const jsonLines = () => out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);

let api: string;
let feeds: string;
let hint: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dabyl-demo-"));
  // AWS credentials on the machine must not send the demo's alerts to SNS.
  child = spawn(process.execPath, ["--import", "tsx", "functions/local/demo.ts"], {
    env: { ...process.env, DABYL_DATA_DIR: dir, PORT: "0", DABYL_LOG_LEVEL: "info", DABYL_ADMIN_API_KEY: KEY, AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "x", DABYL_ALERTS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  exited = new Promise((r) => child.on("exit", (code) => r(code)));
  api = await waitFor("api url", () => /"url":"(http:[^"]+)","msg":"api listening"/.exec(out)?.[1]);
  feeds = await waitFor("demo feed url", () => /demo feeds served at (http:\S+)\/feeds\//.exec(out)?.[1]);
  hint = await waitFor("the subscribe hint", () => /^demo: subscribe to .*$/m.exec(out)?.[0]);
  await waitFor("FX history", () => (out.includes("demo FX history filled") ? true : undefined));
}, 40_000);
afterAll(async () => {
  child?.kill("SIGINT");
  await exited;
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run demo", () => {
  it("prints where to subscribe and the outbox's actual path", () => {
    expect(hint).toContain("military-bases");
    expect(hint).toContain(resolve(dir, "demo", "outbox.jsonl"));
    expect(hint).toContain(`curl -X POST ${feeds}/demo/breaking`);
  });

  it("serves about a month of USD/KZT history, filled from the demo NBK at start", async () => {
    const body = (await (await fetch(`${api}/fx/USD-KZT/history`)).json()) as { points: unknown[] };
    expect(body.points.length).toBeGreaterThanOrEqual(20);
  });

  it("re-polling the unchanged sample feeds writes nothing", async () => {
    await waitFor("first poll", () => (jsonLines().filter((l) => l.msg === "polled source").length >= 3 ? true : undefined));
    const before = jsonLines().length;
    const res = await fetch(`${api}/admin/poll`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    const again = jsonLines().slice(before).filter((l) => l.msg === "polled source");
    expect(again.length).toBeGreaterThanOrEqual(3);
    for (const l of again) expect(l).toMatchObject({ inserted: 0, updated: 0 });
  });

  it("alerts a military-bases subscriber in the outbox when the breaking story lands", async () => {
    const sub = await fetch(`${api}/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ topic: "military-bases", channel: "email", address: "demo-reader@example.kz" }),
    });
    expect(sub.status).toBe(201);
    expect((await fetch(`${feeds}/demo/breaking`, { method: "POST" })).status).toBe(201);
    const outbox = resolve(dir, "demo", "outbox.jsonl");
    const titles = demoBreaking.map((b) => b.item.title);
    const line = await waitFor("an alert in the outbox", () =>
      existsSync(outbox) ? readFileSync(outbox, "utf8").split("\n").find((l) => titles.some((t) => l.includes(t))) : undefined,
    );
    expect(line).toContain("dabyl-local-");
  });
});
