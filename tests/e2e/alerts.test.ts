import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboxLine } from "../../functions/adapters/sns/local-sink.js";
import { smsLength } from "../../functions/core/alerts/index.js";
import { silentLogger } from "../../functions/core/logger.js";
import type { DemoFeed, DemoItem } from "../../functions/local/demo-feeds.js";
import { startDemoServer, type DemoServer } from "../../functions/local/demo-server.js";
import { startRuntime, type Runtime } from "../../functions/local/runtime.js";

// A feed this test can add items to between polls.
const items: DemoItem[] = [{ slug: "minfin", title: "Министерство финансов РК переходит на новую цифровую архитектуру" }];
const feed: DemoFeed = { id: "e2e-ru", lang: "ru", format: "rss", title: "e2e", items };

let demo: DemoServer;
let rt: Runtime;
let dir: string;
const saved = { alerts: process.env.DABYL_ALERTS, url: process.env.DABYL_PUBLIC_URL };

beforeAll(async () => {
  // Whatever credentials the machine has, this test must write to the local outbox.
  process.env.DABYL_ALERTS = "local";
  delete process.env.DABYL_PUBLIC_URL;
  demo = await startDemoServer([feed]);
  dir = mkdtempSync(join(tmpdir(), "dabyl-alerts-e2e-"));
  rt = await startRuntime({ dataDir: dir, port: 0, sources: demo.sources, feedPollMinutes: 60, log: silentLogger, api: { rateLimit: null } });
});
afterAll(async () => {
  await rt?.stop();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
  if (saved.alerts === undefined) delete process.env.DABYL_ALERTS;
  else process.env.DABYL_ALERTS = saved.alerts;
  if (saved.url !== undefined) process.env.DABYL_PUBLIC_URL = saved.url;
});

const allLines = (): OutboxLine[] => {
  const file = join(dir, "outbox.jsonl");
  return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as OutboxLine) : [];
};
/** What went to alert topics; SMS texted straight to a number (codes, confirmations) are "direct-sms". */
const outbox = () => allLines().filter((l) => l.topic !== "direct-sms");
const direct = () => allLines().filter((l) => l.topic === "direct-sms").map((l) => l.sms);

describe("alerts end to end: feed item on loopback -> poll -> match -> local outbox", () => {
  it("delivers a new matching headline once, with a short link the API redirects", async () => {
    await rt.pollNow();
    const res = await fetch(`${rt.url}/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "военная база", channel: "sms", address: "+77011234567", frequency: "instant" }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; status: string; manageToken: string; manageUrl: string };
    expect(created.status).toBe("pending-verification");
    // The code arrives as an SMS (here: the outbox); sending it back turns the alert on.
    const code = /dabyl: код подтверждения (\d{6})\./.exec(direct()[0] ?? "")?.[1];
    expect(code, direct().join("\n")).toBeDefined();
    const verified = await fetch(`${rt.url}/alerts/${created.id}/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${created.manageToken}` },
      body: JSON.stringify({ code }),
    });
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as { status: string }).status).toBe("active");
    expect(direct().at(-1)).toContain(created.manageUrl);
    expect(created.manageUrl.startsWith(`${rt.url}/alerts/${created.id}/manage?token=`)).toBe(true);

    // The story breaks; the next poll sees the same item again and must not alert twice.
    items.unshift({ slug: "bazy", title: "WSJ узнала о планах США использовать российские военные базы в Азии" });
    await rt.pollNow();
    await rt.pollNow();

    const lines = outbox();
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.topic).toMatch(/^dabyl-local-[0-9a-f]{20}$/);
    expect(line!.subject).toBe("dabyl: WSJ узнала о планах США использовать российские военные базы в Азии");
    expect(line!.email).toContain(`Ссылка: ${demo.url}/articles/bazy`);
    expect(line!.email).toContain("Источник: e2e-ru");
    expect(line!.email).toContain(`${rt.url}/unsubscribe`);
    expect(smsLength(line!.sms).segments).toBeLessThanOrEqual(2);
    const short = new RegExp(`${rt.url.replace(/[.]/g, "\\.")}/h/([A-Za-z0-9_-]{8})`).exec(line!.sms);
    expect(short, line!.sms).not.toBeNull();
    expect(JSON.stringify(allLines())).not.toContain("77011234567");

    const redirect = await fetch(short![0], { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(`${demo.url}/articles/bazy`);

    // Unsubscribed through the manage link's form, the next matching story goes nowhere.
    const del = await fetch(`${rt.url}/alerts/${created.id}/manage`, { method: "POST", body: new URLSearchParams({ token: created.manageToken, action: "unsubscribe" }) });
    expect(del.status).toBe(200);
    items.unshift({ slug: "aviabaza", title: "На военной базе в регионе прошли учения" });
    await rt.pollNow();
    expect(outbox()).toHaveLength(1);
  });
});
