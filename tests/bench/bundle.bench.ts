// Handler bundle benchmark: builds every functions/handlers/*.ts the way `sst deploy` does
// (esbuild, ESM, minified, platform node, mainFields module,main, SST's createRequire banner) and
// measures its size and its import time in a fresh node process, against a baseline bundle that
// imports only what the handler cannot avoid (hono + hono/aws-lambda when it serves HTTP, and the
// AWS SDK clients it uses), built and measured in the same run. Goal: at most 1.25x.
// Run: npx tsx tests/bench/bundle.bench.ts [runs]   Never fails on timing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Metafile } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runs = Number(process.argv[2] ?? 15);
const goal = 1.25;
const out = mkdtempSync(path.join(tmpdir(), "dabyl-bundle-bench-"));

// SST's node runtime prepends this to every ESM bundle (pkg/runtime/node/build.go).
const sstBanner = [
  `import { createRequire as topLevelCreateRequire } from 'module';`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
  `const __filename = topLevelFileUrlToPath(import.meta.url)`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
].join("\n");

/**
 * Bundles like SST with the function settings in stacks/function-defaults.ts (esm, minify).
 * `splitting` (SST's nodejs.splitting) moves dynamic imports into chunks loaded on first use.
 */
async function bundle(
  name: string,
  entry: { file: string } | { code: string },
  splitting = false,
): Promise<{ file: string; meta: Metafile }> {
  const dir = path.join(out, name + (splitting ? "-split" : ""));
  const file = path.join(dir, `${name}.mjs`);
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.code, resolveDir: root, sourcefile: `${name}.ts`, loader: "ts" as const } }),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    mainFields: ["module", "main"],
    banner: { js: sstBanner },
    external: ["sharp", "pg-native"],
    keepNames: true,
    minify: true,
    metafile: true,
    ...(splitting ? { splitting, outdir: dir, outExtension: { ".js": ".mjs" }, entryNames: name } : { outfile: file }),
    logLevel: "error",
  });
  return { file, meta: result.metafile };
}

/** Bytes a cold start reads: the entry file and every chunk it imports statically, transitively. */
function startupBytes(meta: Metafile, entryFile: string): number {
  const key = path.relative(process.cwd(), entryFile); // metafile paths are relative to the cwd
  const seen = new Set<string>();
  const visit = (k: string): void => {
    if (seen.has(k) || !meta.outputs[k]) return;
    seen.add(k);
    for (const imp of meta.outputs[k]!.imports) if (imp.kind === "import-statement") visit(imp.path);
  };
  visit(key);
  return [...seen].reduce((n, k) => n + meta.outputs[k]!.bytes, 0);
}

/** Packages in a bundle, by bytes they put into the output. */
function packages(meta: Metafile): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const name = m?.[1] ?? "(dabyl)";
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return sizes;
}

/** The smallest program that still loads what the handler has to: its framework and SDK clients. */
function baselineCode(used: Set<string>): { key: string; code: string } {
  const lines: string[] = [];
  const parts: string[] = [];
  if (used.has("hono")) {
    parts.push("hono");
    lines.push(`import { Hono } from "hono";`, `import { handle } from "hono/aws-lambda";`);
  }
  if (used.has("@aws-sdk/client-dynamodb")) {
    parts.push("dynamodb");
    lines.push(`import { DynamoDBClient } from "@aws-sdk/client-dynamodb";`);
  }
  if (used.has("@aws-sdk/lib-dynamodb")) {
    parts.push("lib-dynamodb");
    lines.push(`import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";`);
  }
  if (used.has("@aws-sdk/client-sns")) {
    parts.push("sns");
    lines.push(`import { SNSClient } from "@aws-sdk/client-sns";`);
  }
  // Clients are created at module scope, as the adapters do, so both sides pay for construction.
  if (used.has("@aws-sdk/client-dynamodb")) lines.push(`const ddb = new DynamoDBClient({});`);
  if (used.has("@aws-sdk/lib-dynamodb")) lines.push(`const doc = DynamoDBDocumentClient.from(ddb);`);
  if (used.has("@aws-sdk/client-sns")) lines.push(`const sns = new SNSClient({});`);
  if (used.has("hono")) {
    lines.push(`const app = new Hono();`, `app.get("/", (c) => c.json({ ok: true }));`, `export const handler = handle(app);`);
  } else {
    lines.push(`export const handler = async () => ({ ok: true });`);
  }
  lines.push(`export const keep = [${["ddb", "doc", "sns"].filter((v) => lines.some((l) => l.startsWith(`const ${v} `))).join(", ")}];`);
  return { key: parts.join("+") || "empty", code: lines.join("\n") };
}

/** Milliseconds from import() to resolution, measured inside a fresh node process. */
function importMs(file: string): number {
  const probe = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], {
    encoding: "utf8",
    // What Lambda sets; no credentials are needed because nothing is called.
    env: { PATH: process.env.PATH, AWS_REGION: "eu-central-1", DABYL_LOG_LEVEL: "silent", NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error(`importing ${file} failed:\n${r.stderr}`);
  return Number(r.stdout.trim().split("\n").at(-1));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

const handlerFiles = readdirSync(path.join(root, "functions/handlers"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  // Entry points only: helpers that live next to the handlers export no `handler`.
  .filter((f) => /export const handler\b/.test(readFileSync(path.join(root, "functions/handlers", f), "utf8")))
  .sort();
console.log(`bundling ${handlerFiles.length} handlers as SST would; ${runs} fresh-process imports each, medians\n`);

// As deployed (stacks/function-defaults.ts sets nodejs.splitting) and SST's default, unsplit.
const modes = [
  { label: "as deployed (splitting)", splitting: true },
  { label: "unsplit (SST default)", splitting: false },
];
interface Measured {
  file: string;
  meta: Metafile;
  ms: number[];
}
const baselines = new Map<string, Measured>();
const rows: Array<{ name: string; mode: (typeof modes)[number]; built: Measured; baseline: string }> = [];
for (const f of handlerFiles) {
  const name = f.replace(/\.ts$/, "");
  for (const mode of modes) {
    const built = await bundle(name, { file: path.join(root, "functions/handlers", f) }, mode.splitting);
    const { key, code } = baselineCode(new Set(packages(built.meta).keys()));
    const baselineKey = `${key}${mode.splitting ? " split" : ""}`;
    if (!baselines.has(baselineKey)) {
      baselines.set(baselineKey, { ...(await bundle(`baseline-${key}`, { code }, mode.splitting)), ms: [] });
    }
    rows.push({ name, mode, built: { ...built, ms: [] }, baseline: baselineKey });
  }
}

// Interleaved, so a busy moment on the machine hits handlers and baselines alike.
for (let i = 0; i < runs; i++) {
  for (const b of baselines.values()) b.ms.push(importMs(b.file));
  for (const row of rows) row.built.ms.push(importMs(row.built.file));
}

for (const row of rows) {
  const base = baselines.get(row.baseline)!;
  const size = startupBytes(row.built.meta, row.built.file);
  const baseSize = startupBytes(base.meta, base.file);
  const ratio = median(row.built.ms) / median(base.ms);
  console.log(
    `${row.name.padEnd(11)} ${row.mode.label.padEnd(24)} ${kib(size).padStart(9)} at start ` +
      `(baseline ${row.baseline}: ${kib(baseSize)}, ${(size / baseSize).toFixed(2)}x)  ` +
      `import ${median(row.built.ms).toFixed(1)} ms vs ${median(base.ms).toFixed(1)} ms  ` +
      `ratio ${ratio.toFixed(2)}x ${ratio <= goal ? `within ${goal}x` : `OVER ${goal}x`}`,
  );
  if (!row.mode.splitting) continue;
  const extra = [...packages(row.built.meta).entries()]
    .filter(([name]) => !name.startsWith("@aws-sdk/") && !name.startsWith("@smithy/") && !name.startsWith("@aws-crypto/"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => `${name} ${kib(bytes)}`);
  console.log(`${"".padEnd(11)} largest non-SDK parts (all chunks): ${extra.join(", ")}`);
}
rmSync(out, { recursive: true, force: true });
