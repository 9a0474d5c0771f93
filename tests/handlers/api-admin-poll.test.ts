import path from "node:path";
import { fileURLToPath } from "node:url";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const KEY = "handler-admin-key-0123456789abcdef";
const lambda = mockClient(LambdaClient);

/** An API Gateway HTTP API (payload 2.0) request, as the $default route hands it to the function. */
function event(method: string, rawPath: string, headers: Record<string, string> = {}) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString: "",
    headers: { host: "api.example.kz", ...headers },
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "api.example.kz",
      domainPrefix: "api",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "test" },
      requestId: "req-1",
      routeKey: "$default",
      stage: "$default",
      time: "30/Nov/2026:05:00:00 +0000",
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;
let handler: Handler;
beforeAll(async () => {
  // What SST and Lambda give the deployed API function (see stacks/api.ts).
  Object.assign(process.env, {
    AWS_REGION: "eu-central-1",
    AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
    AWS_SECRET_ACCESS_KEY: "x",
    DABYL_ALERTS: "sns",
    DABYL_LOG_LEVEL: "silent",
    DABYL_RATE_LIMIT_PER_MINUTE: "0",
    SST_RESOURCE_Table: JSON.stringify({ name: "dabyl-test-table" }),
    SST_RESOURCE_AdminApiKey: JSON.stringify({ value: KEY }),
    SST_RESOURCE_Pollers: JSON.stringify({ feeds: "dabyl-prod-PollFeedsHandlerFunction-abc", fx: "dabyl-prod-PollFxHandlerFunction-def" }),
  });
  ({ handler } = (await import("../../functions/handlers/api.js")) as unknown as { handler: Handler });
});

describe("the deployed API's POST /admin/poll", () => {
  it("starts both poller functions asynchronously and answers 202 with what it started", async () => {
    lambda.reset();
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const res = await handler(event("POST", "/admin/poll", { authorization: `Bearer ${KEY}` }), {});
    expect(res.statusCode).toBe(202);
    expect(JSON.parse(res.body)).toEqual({ ok: true, started: ["poll-feeds", "poll-fx"] });
    const calls = lambda.commandCalls(InvokeCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      { FunctionName: "dabyl-prod-PollFeedsHandlerFunction-abc", InvocationType: "Event" },
      { FunctionName: "dabyl-prod-PollFxHandlerFunction-def", InvocationType: "Event" },
    ]);
  });

  it("is a 500 problem, not a false 202, when Lambda refuses to start a poller", async () => {
    lambda.reset();
    lambda.on(InvokeCommand).rejects(Object.assign(new Error("not authorized to perform: lambda:InvokeFunction"), { name: "AccessDeniedException" }));
    const res = await handler(event("POST", "/admin/poll", { authorization: `Bearer ${KEY}` }), {});
    expect(res.statusCode).toBe(500);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
  });

  it("starts nothing without the admin key", async () => {
    lambda.reset();
    const res = await handler(event("POST", "/admin/poll"), {});
    expect(res.statusCode).toBe(401);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
  });
});

describe("the API's cold start", () => {
  it("does not load the Lambda client: it sits in a chunk the admin route loads on first use", async () => {
    // As SST bundles it (stacks/function-defaults.ts: esm, splitting).
    const out = path.join(root, "node_modules/.cache/dabyl-api-cold-start");
    const result = await build({
      entryPoints: [path.join(root, "functions/handlers/api.ts")],
      bundle: true, platform: "node", format: "esm", target: "node22", mainFields: ["module", "main"],
      splitting: true, outdir: out, metafile: true, write: false, logLevel: "error",
      banner: { js: "import { createRequire as topLevelCreateRequire } from 'module'; const require = topLevelCreateRequire(import.meta.url);" },
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint?.endsWith("functions/handlers/api.ts"))!;
    const startup = new Set<string>();
    const visit = (k: string): void => {
      if (startup.has(k) || !outputs[k]) return;
      startup.add(k);
      for (const imp of outputs[k]!.imports) if (imp.kind === "import-statement") visit(imp.path);
    };
    visit(entry);
    const has = (k: string) => Object.keys(outputs[k]!.inputs).some((i) => i.includes("node_modules/@aws-sdk/client-lambda/"));
    expect([...startup].filter(has)).toEqual([]);
    expect(Object.keys(outputs).filter(has).length).toBeGreaterThan(0);
  }, 60_000);
});
