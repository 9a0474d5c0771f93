/**
 * Runs inside the synth process (bundled by synth.ts): stands in for what the SST CLI sets up
 * before it evaluates sst.config.ts ($app, $cli, $dev, SST_SERVER), installs Pulumi's mocks,
 * runs the config's run() in a mock stack and writes what was registered to a JSON file.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { recordMocks } from "./record-mocks.js";
import { startRpcStub } from "./rpc-stub.js";

interface PulumiRuntime {
  setMocks(mocks: unknown, project: string, stack: string, preview: boolean): Promise<void>;
  runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
  registerStackTransformation(t: (args: TransformArgs) => undefined): void;
}
interface TransformArgs {
  type: string;
  name: string;
  opts: { retainOnDelete?: boolean; protect?: boolean };
}
/** Resource options that the mocks never see, captured after SST's own transformations ran. */
export interface RecordedOptions {
  readonly type: string;
  readonly name: string;
  readonly retainOnDelete: boolean;
}
interface AppResult {
  name: string;
  removal?: string;
  protect?: boolean;
  home: string;
  providers?: Record<string, unknown>;
}
export interface ChildInput {
  readonly pulumi: { runtime: PulumiRuntime };
  /** @pulumi/pulumi/runtime/state.js, whose store tracks every promise the runtime created. */
  readonly pulumiState: { getStore(): { leakCandidates: Set<unknown> } };
  readonly config: { app(input: { stage: string }): AppResult | Promise<AppResult>; run(): Promise<unknown> };
  readonly run: (program: () => Promise<unknown>) => Promise<unknown>;
  readonly root: string;
  readonly platform: string;
}

/**
 * Resolves once Pulumi has no promise left in flight: applies keep registering resources after
 * run() returns, and exiting before they finish makes Pulumi fail the process ("promises were
 * still active") or, worse, leaves resources out of the record.
 */
async function settle(inFlight: () => number, maxMs = 60_000): Promise<void> {
  const start = Date.now();
  while (inFlight() > 0) {
    if (Date.now() - start > maxMs) throw new Error(`${inFlight()} Pulumi promises still pending after ${maxMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function runInChild({ pulumi, pulumiState, config, run, root, platform }: ChildInput): Promise<void> {
  const stage = process.env.DABYL_SYNTH_STAGE ?? "dev";
  const resultFile = process.env.DABYL_SYNTH_RESULT ?? path.join(tmpdir(), "dabyl-synth.json");
  const app = await config.app({ stage });
  const work = mkdtempSync(path.join(tmpdir(), "dabyl-synth-"));
  // The CLI injects these as compile-time defines; here the prelude made them globals, filled now.
  const g = globalThis as unknown as { $app: object; $cli: object };
  const $app = Object.assign(g.$app, {
    name: app.name,
    stage,
    removal: app.removal ?? "retain",
    protect: app.protect ?? false,
    home: app.home,
    providers: app.providers ?? {},
  });
  Object.assign(g.$cli, {
    command: "deploy",
    rpc: "",
    paths: { home: work, root, work, platform },
    state: { version: {} },
  });

  const stub = await startRpcStub(root, work);
  process.env.SST_SERVER = stub.url;
  const { mocks, resources } = recordMocks();
  await pulumi.runtime.setMocks(mocks, app.name, stage, false);
  try {
    const options: RecordedOptions[] = [];
    const program = () => {
      // Registered inside the program, so after run.ts's retain-on-delete transformation.
      pulumi.runtime.registerStackTransformation(({ type, name, opts }) => {
        options.push({ type, name, retainOnDelete: opts.retainOnDelete === true });
        return undefined;
      });
      return config.run();
    };
    const outputs = await pulumi.runtime.runInPulumiStack(() => run(program));
    await settle(() => pulumiState.getStore().leakCandidates.size);
    writeFileSync(resultFile, JSON.stringify({ app: $app, outputs, resources, options, builds: stub.builds }));
  } finally {
    await stub.close();
    rmSync(work, { recursive: true, force: true });
  }
}
