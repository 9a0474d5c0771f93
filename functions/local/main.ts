import { readFileSync } from "node:fs";
import { createLogger } from "../adapters/log.js";
import { readLocalConfig, readResources } from "../adapters/resources.js";
import { parseSources } from "../config/parse-sources.js";
import { builtinSources, type Source } from "../config/sources.js";
import { DabylError } from "../core/errors.js";
import { silentLogger, type Logger } from "../core/logger.js";
import { startRuntime, type Runtime } from "./runtime.js";
import { shutdown } from "./shutdown.js";

function loadSources(file: string | undefined): readonly Source[] {
  if (!file) return builtinSources;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DabylError("bad_config", `cannot read DABYL_SOURCES_FILE ${file}: ${(e as Error).message}`);
  }
  return parseSources(text, file);
}

/** A boot error is the operator's to fix: one clear line, no stack. */
function refuse(e: unknown): never {
  console.error(`dabyl could not start: ${(e as Error).message}`);
  process.exit(1);
}

/**
 * Boots the local runtime from the environment and stops it cleanly on Ctrl-C, even during boot.
 * `override` lets the demo supply its own sources and data folder; `onStarted` runs once it listens.
 */
export async function main(
  override: {
    sources?: readonly Source[];
    dataDir?: string;
    /** Alerts go to <dataDir>/outbox.jsonl whatever AWS credentials the machine has (the demo). */
    localAlerts?: boolean;
    onStop?: () => Promise<void>;
    onStarted?: (runtime: Runtime, log: Logger, dataDir: string) => Promise<void>;
  } = {},
): Promise<Runtime> {
  let log: Logger = silentLogger;
  let stopping = false;
  const boot = (async () => {
    const read = readResources();
    const resources = override.localAlerts ? { ...read, alertSink: "local" as const } : read;
    const config = readLocalConfig();
    log = createLogger(resources.logLevel);
    const sources = override.sources ?? loadSources(config.sourcesFile);
    const dataDir = override.dataDir ?? config.dataDir;
    const runtime = await startRuntime({
      dataDir,
      port: config.port,
      host: config.host,
      sources,
      feedPollMinutes: config.feedPollMinutes,
      retentionDays: config.retentionDays,
      log,
      resources,
    });
    log.info("dabyl is running", { url: runtime.url, sources: sources.length, dataDir });
    return { runtime, dataDir };
  })();
  // Registered before the boot finishes: a Ctrl-C while dynalite opens waits for it, then closes it.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    const code = await shutdown(
      boot.then((b) => b.runtime),
      log,
      override.onStop,
    );
    if (code === 0) log.info("stopped; everything is saved");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  let booted: Awaited<typeof boot>;
  try {
    booted = await boot;
  } catch (e) {
    await override.onStop?.().catch(() => undefined);
    refuse(e);
  }
  if (!stopping) await override.onStarted?.(booted.runtime, log, booted.dataDir);
  return booted.runtime;
}
