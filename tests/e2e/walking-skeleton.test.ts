import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Source } from "../../functions/config/sources.js";
import { silentLogger } from "../../functions/core/logger.js";
import { demoFeeds } from "../../functions/local/demo-feeds.js";
import { startDemoServer, type DemoServer } from "../../functions/local/demo-server.js";
import { startRuntime } from "../../functions/local/runtime.js";

/** A loopback port with nothing listening: connections are refused. */
async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

type Json = Record<string, any>;
const get = async (base: string, path: string): Promise<Json> => (await fetch(base + path)).json() as Promise<Json>;
const totalSample = demoFeeds.reduce((n, f) => n + f.items.length, 0);

let demo: DemoServer;
let dir: string;
let sources: Source[];

beforeAll(async () => {
  demo = await startDemoServer(demoFeeds);
  dir = mkdtempSync(join(tmpdir(), "dabyl-e2e-"));
  sources = [...demo.sources, { id: "unreachable", kind: "rss", url: `http://127.0.0.1:${await deadPort()}/feed.xml` }];
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the local runtime, end to end over loopback HTTP", () => {
  it("polls sample feeds into dynalite and serves them; a dead source fails alone", async () => {
    const rt = await startRuntime({ dataDir: dir, port: 0, sources, feedPollMinutes: 60, log: silentLogger });
    try {
      await rt.pollNow();
      const page = await get(rt.url, "/headlines?limit=100");
      expect(page.items).toHaveLength(totalSample);
      expect(page.items.map((h: Json) => h.title)).toContain("WSJ узнала о планах США использовать российские военные базы в Азии");
      expect(new Set(page.items.map((h: Json) => h.lang))).toEqual(new Set(["ru", "kk", "en"]));

      const { sources: states } = await get(rt.url, "/sources");
      const byId = Object.fromEntries(states.map((s: Json) => [s.id, s]));
      for (const f of demoFeeds) expect(byId[f.id]).toMatchObject({ status: "ok", lastError: null, itemCount: f.items.length });
      expect(byId.unreachable).toMatchObject({ status: "failing", consecutiveFailures: 1, lastError: "connection refused", lastSuccessAt: null });

      // One headline by id, as a client following a listing would.
      const first = page.items[0];
      expect(await get(rt.url, `/headlines/${first.id}`)).toEqual(first);
    } finally {
      await rt.stop();
    }
  });

  it("keeps every headline across a restart on the same data folder and never duplicates", async () => {
    const rt = await startRuntime({ dataDir: dir, port: 0, sources, feedPollMinutes: 60, log: silentLogger });
    try {
      const before = await get(rt.url, "/headlines?limit=100");
      expect(before.items).toHaveLength(totalSample);
      await rt.pollNow();
      await rt.pollNow();
      const after = await get(rt.url, "/headlines?limit=100");
      expect(after.items.map((h: Json) => h.id).sort()).toEqual(before.items.map((h: Json) => h.id).sort());
      const { sources: states } = await get(rt.url, "/sources");
      expect(states.find((s: Json) => s.id === "unreachable").consecutiveFailures).toBeGreaterThanOrEqual(2);
    } finally {
      await rt.stop();
    }
  });
});

function runStart(env: Record<string, string>, script = "functions/local/start.ts") {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, DABYL_LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let errText = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (errText += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, exited, output: () => out, errors: () => errText };
}

describe("npm start (the real entry point, as a process)", () => {
  it("refuses a malformed DABYL_SOURCES_FILE at boot, naming the bad entry", async () => {
    const file = join(dir, "bad-sources.json");
    writeFileSync(file, JSON.stringify([{ id: "ok-one", kind: "rss", url: "https://a.kz/rss" }, { id: "two", kind: "rss", url: "not a url" }]));
    const p = runStart({ DABYL_SOURCES_FILE: file, DABYL_DATA_DIR: join(dir, "bad"), PORT: "0" });
    expect(await p.exited).toBe(1);
    expect(p.errors()).toContain('sources[1].url "not a url" is not a URL');
  });

  it("npm run demo shows the sample headlines and ok sources within 20 s, without internet", async () => {
    const p = runStart({ DABYL_DATA_DIR: join(dir, "demo"), PORT: "0" }, "functions/local/demo.ts");
    try {
      const deadline = Date.now() + 20_000;
      let url: string | undefined;
      let page: Json = { items: [] };
      let states: Json[] = [];
      // Every demo source (news feeds and the sample NBK rates) must be polled "ok" in time.
      while (page.items.length < totalSample || states.length <= demoFeeds.length || states.some((s) => s.status !== "ok")) {
        if (Date.now() > deadline) throw new Error(`demo not ready in 20 s:\n${JSON.stringify(states)}\n${p.output()}\n${p.errors()}`);
        await new Promise((r) => setTimeout(r, 200));
        url ??= /"url":"(http:[^"]+)","msg":"api listening"/.exec(p.output())?.[1];
        if (url) {
          page = await get(url, "/headlines?limit=100");
          states = (await get(url, "/sources")).sources;
        }
      }
      expect(states.map((s) => s.id)).toEqual(expect.arrayContaining(demoFeeds.map((f) => f.id)));
    } finally {
      p.child.kill("SIGINT");
      await p.exited;
    }
  });

  it("serves the sources file's feeds, logs one line per source, and stops cleanly on Ctrl-C with nothing lost", async () => {
    const file = join(dir, "sources.json");
    writeFileSync(file, JSON.stringify(sources));
    const data = join(dir, "proc");
    const p = runStart({ DABYL_SOURCES_FILE: file, DABYL_DATA_DIR: data, PORT: "0" });
    const deadline = Date.now() + 15_000;
    while (!/"sourceId":"unreachable"/.test(p.output()) || (p.output().match(/"msg":"polled source"/g) ?? []).length < demoFeeds.length) {
      if (Date.now() > deadline) throw new Error(`no poll lines in time:\n${p.output()}\n${p.errors()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /"url":"(http:[^"]+)","msg":"api listening"/.exec(p.output())?.[1];
    expect(url).toBeDefined();
    const page = await get(url!, "/headlines?limit=100");
    expect(page.items).toHaveLength(totalSample);
    p.child.kill("SIGINT");
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain("stopped; everything is saved");

    const rt = await startRuntime({ dataDir: data, port: 0, sources: [], feedPollMinutes: 60, log: silentLogger });
    try {
      expect((await get(rt.url, "/headlines?limit=100")).items).toHaveLength(totalSample);
    } finally {
      await rt.stop();
    }
  });
});
