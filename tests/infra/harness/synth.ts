/**
 * Evaluates sst.config.ts the way `sst deploy` does, but against Pulumi's mocks: bundles the
 * config with esbuild (SST's globals injected from .sst/platform's shim), runs it in a fresh
 * node process per stage, and returns every registered resource and function build.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import type { RecordedResource } from "./record-mocks.js";
import type { RecordedOptions } from "./run-in-child.js";
import type { RecordedBuild } from "./rpc-stub.js";

const run = promisify(execFile);

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const platform = path.join(root, ".sst/platform");

export interface Synth {
  readonly app: { name: string; stage: string; removal: string; protect: boolean };
  readonly outputs: Record<string, unknown>;
  readonly resources: readonly RecordedResource[];
  readonly options: readonly RecordedOptions[];
  readonly builds: readonly RecordedBuild[];
}

/** Runs tests/infra/install-platform.sh (a no-op when .sst/platform is current; ~40 s when not). */
export async function ensurePlatform(): Promise<void> {
  await run(path.join(root, "tests/infra/install-platform.sh"), [], { cwd: root, timeout: 240_000 });
  if (!existsSync(path.join(platform, "src/auto/run.ts"))) {
    throw new Error(".sst/platform is incomplete; run tests/infra/install-platform.sh --force");
  }
}

/** Bundles the config once; every stage runs the same bundle. Returns the bundle's path. */
export async function bundleConfig(): Promise<string> {
  // Inside .sst/platform so the bundle's bare imports (@pulumi/*) resolve to SST's own copies;
  // one folder per call so test runs in parallel (two checkouts of CI) do not collide.
  const outDir = mkdtempSync(path.join(platform, ".dabyl-synth-"));
  // Some platform modules read $app while loading, before run-in-child knows the stage: give
  // them an object now and fill it in later (the CLI inlines it as a define instead).
  const prelude = path.join(outDir, "prelude.mjs");
  writeFileSync(prelude, `globalThis.$app = {};\nglobalThis.$cli = {};\nglobalThis.$dev = false;\n`);
  const entry = [
    `import * as pulumi from "@pulumi/pulumi";`,
    `import * as pulumiState from "@pulumi/pulumi/runtime/state.js";`,
    // What the CLI's globals do for each provider in provider-lock.json, plus sst itself.
    `import * as aws from "@pulumi/aws";`,
    `import * as sst from ${JSON.stringify(path.join(platform, "src/components/index.ts"))};`,
    `Object.assign(globalThis, { aws, sst });`,
    `import { run } from ${JSON.stringify(path.join(platform, "src/auto/run.ts"))};`,
    `import config from ${JSON.stringify(path.join(root, "sst.config.ts"))};`,
    `import { runInChild } from ${JSON.stringify(path.join(root, "tests/infra/harness/run-in-child.ts"))};`,
    `await runInChild({ pulumi, pulumiState, config, run, root: ${JSON.stringify(root)}, platform: ${JSON.stringify(platform)} });`,
    `process.exit(0);`,
  ].join("\n");
  const outfile = path.join(outDir, "synth.mjs");
  await build({
    stdin: { contents: entry, resolveDir: outDir, sourcefile: "synth-entry.ts", loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    inject: [prelude, path.join(platform, "src/shim/run.js")],
    outfile,
    logLevel: "error",
  });
  return outfile;
}

/** Deletes what bundleConfig wrote. */
export function removeBundle(bundle: string): void {
  rmSync(path.dirname(bundle), { recursive: true, force: true });
}

export async function synth(bundle: string, stage: string): Promise<Synth> {
  const resultFile = path.join(path.dirname(bundle), `result-${stage}.json`);
  try {
    await run(process.execPath, [bundle], {
      cwd: root,
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
      env: {
        // Deploy-time DABYL_* settings in the caller's shell would change what is synthesized.
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DABYL_"))),
        DABYL_SYNTH_STAGE: stage,
        DABYL_SYNTH_RESULT: resultFile,
        SST_SECRET_AdminApiKey: "test-admin-key",
        SST_SECRET_AddressHashKey: "test-address-hash-key-0123456789",
        PULUMI_NODEJS_SKIP_DYNAMIC_PROVIDER_CACHE: "true",
      },
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    throw new Error(`synth for stage ${stage} failed:\n${e.stderr ?? ""}\n${e.stdout ?? ""}`, { cause: error });
  }
  return JSON.parse(readFileSync(resultFile, "utf8")) as Synth;
}
