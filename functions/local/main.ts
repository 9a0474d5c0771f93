import { readFileSync } from "node:fs";
import { createLogger } from "../adapters/log.js";
import { readLocalConfig } from "../adapters/resources.js";
import { parseSources } from "../config/parse-sources.js";
import { defaults } from "../config/settings.js";
import { builtinSources, type Source } from "../config/sources.js";
import { DabylError } from "../core/errors.js";
import { startRuntime, type Runtime } from "./runtime.js";

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

/**
 * Boots the local runtime from the environment and stops it cleanly on Ctrl-C.
 * `override` lets the demo supply its own sources and data folder.
 */
export async function main(override: { sources?: readonly Source[]; dataDir?: string; onStop?: () => Promise<void> } = {}): Promise<Runtime> {
  const log = createLogger();
  let runtime: Runtime;
  try {
    const config = readLocalConfig(process.env, defaults);
    const sources = override.sources ?? loadSources(config.sourcesFile);
    runtime = await startRuntime({
      dataDir: override.dataDir ?? config.dataDir,
      port: config.port,
      host: config.host,
      sources,
      feedPollMinutes: config.feedPollMinutes,
      retentionDays: config.retentionDays,
      log,
    });
    log.info("dabyl is running", { url: runtime.url, sources: sources.length, dataDir: override.dataDir ?? config.dataDir });
  } catch (e) {
    // A boot error is the operator's to fix: one clear line, no stack.
    console.error(`dabyl could not start: ${(e as Error).message}`);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    await runtime.stop();
    await override.onStop?.();
    log.info("stopped; everything is saved");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  return runtime;
}
