import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../functions/adapters/dynamo/stores.js";
import { ConfigError } from "../../functions/core/errors.js";
import { silentLogger, type Logger } from "../../functions/core/logger.js";
import { startRuntime, type Runtime } from "../../functions/local/runtime.js";
import { shutdown } from "../../functions/local/shutdown.js";

let dir: string;
let occupier: Server;
let busyPort: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dabyl-boot-"));
  occupier = createServer();
  await new Promise<void>((r) => occupier.listen(0, "127.0.0.1", () => r()));
  busyPort = (occupier.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((r) => occupier.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe("a port already in use", () => {
  it("stops npm start with exit 1 and one line saying so, without a stack", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "functions/local/start.ts"], {
      env: { ...process.env, PORT: String(busyPort), HOST: "127.0.0.1", DABYL_DATA_DIR: join(dir, "proc"), DABYL_LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errText = "";
    child.stderr.on("data", (d) => (errText += d));
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(code).toBe(1);
    // The AWS SDK's warning about Node 20 may come first; it is not dabyl's to hide.
    const lines = errText.trim().split("\n");
    expect(lines.filter((l) => l.includes("dabyl"))).toEqual([
      `dabyl could not start: port ${busyPort} on 127.0.0.1 is already in use; stop what uses it or set PORT to another port (PORT=0 picks a free one)`,
    ]);
    expect(errText).not.toMatch(/^\s+at /m);
    expect(errText).not.toContain("EADDRINUSE");
  });

  it("closes the database it opened, so the same data folder starts at once on a free port", async () => {
    const data = join(dir, "inproc");
    const options = { dataDir: data, host: "127.0.0.1", sources: [], feedPollMinutes: 60, log: silentLogger };
    await expect(startRuntime({ ...options, port: busyPort })).rejects.toThrow(ConfigError);
    const rt = await startRuntime({ ...options, port: 0 });
    await rt.stop();
  });
});

function recorder(): { log: Logger; errors: string[] } {
  const errors: string[] = [];
  const log: Logger = { info() {}, warn() {}, error: (msg) => void errors.push(msg), child: () => log };
  return { log, errors };
}

describe("Ctrl-C", () => {
  // Only stop() matters to shutdown.
  const fakeRuntime = (stop: () => Promise<void>): Runtime => ({ url: "http://127.0.0.1:1", stores: {} as Stores, pollNow: async () => {}, stop });

  it("still stops the demo's feed server and reports failure when stopping the runtime throws", async () => {
    const { log, errors } = recorder();
    let demoClosed = false;
    const code = await shutdown(Promise.resolve(fakeRuntime(() => Promise.reject(new Error("disk full")))), log, async () => {
      demoClosed = true;
    });
    expect(code).toBe(1);
    expect(demoClosed).toBe(true);
    expect(errors).toHaveLength(1);
  });

  it("during boot waits for the boot, then stops what it started", async () => {
    const order: string[] = [];
    let finishBoot!: (rt: Runtime) => void;
    const boot = new Promise<Runtime>((r) => (finishBoot = r));
    const stopping = shutdown(boot, silentLogger, async () => void order.push("demo closed"));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    finishBoot(fakeRuntime(async () => void order.push("runtime stopped")));
    expect(await stopping).toBe(0);
    expect(order).toEqual(["runtime stopped", "demo closed"]);
  });

  it("during a boot that fails has nothing to stop and exits cleanly", async () => {
    expect(await shutdown(Promise.reject(new Error("port in use")), silentLogger)).toBe(0);
  });

  it("stops a real runtime and leaves its data folder free for the next start", async () => {
    const data = join(dir, "ctrl-c");
    const options = { dataDir: data, port: 0, sources: [], feedPollMinutes: 60, log: silentLogger };
    expect(await shutdown(startRuntime(options), silentLogger)).toBe(0);
    const again = await startRuntime(options);
    await again.stop();
  });
});
