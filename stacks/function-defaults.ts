/**
 * Settings every dabyl Lambda shares. SST bundles ESM by default (mainFields module,main and a
 * createRequire banner); we say so explicitly because FACTS.md measured CJS bundles importing
 * 2.3-2.8x slower, and a silent default change would cost every cold start.
 */
export const nodeFunction = {
  // Newest runtime our Node 20 code is tested close to; the AWS SDK needs Node 22 from 2027.
  runtime: "nodejs22.x",
  // Graviton: about 20% cheaper per GB-second than x86_64, and nothing here is native code.
  architecture: "arm64",
  // splitting: dynamic imports (the API's admin poll, the SDK's credential providers) become
  // chunks loaded on first use; tests/bench/bundle.bench.ts measured the API's startup bytes
  // down from about 2.5 MB to 1.5 MB, and the SDK-only baseline importing about 20% faster.
  nodejs: { format: "esm", minify: true, splitting: true },
  logging: { retention: "1 month", format: "json" },
} as const satisfies Partial<sst.aws.FunctionArgs>;
