/**
 * The deployed shape of dabyl, checked offline: sst.config.ts runs under Pulumi's mocks (see
 * harness/synth.ts) for a production and a dev stage, and these tests read what it registered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableSchema } from "../../functions/config/table.js";
import { snsActionsExpected, fakeAccount, fakeRegion } from "./harness/expected.js";
import type { RecordedResource } from "./harness/record-mocks.js";
import { bundleConfig, ensurePlatform, removeBundle, synth, type Synth } from "./harness/synth.js";

const stages = ["prod", "dev"] as const;
type Stage = (typeof stages)[number];
const synths = {} as Record<Stage, Synth>;
let bundle: string | undefined;

beforeAll(async () => {
  // Generates .sst/platform when missing (about 40 s, npm registry only), else returns at once.
  await ensurePlatform();
  bundle = await bundleConfig();
  const [prod, dev] = await Promise.all(stages.map((stage) => synth(bundle!, stage)));
  Object.assign(synths, { prod, dev });
}, 300_000);

afterAll(() => {
  if (bundle) removeBundle(bundle);
});

const ofType = (s: Synth, type: string) => s.resources.filter((r) => r.type === type);
const one = (s: Synth, type: string): RecordedResource => {
  const found = ofType(s, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
// Pulumi serializes some inputs as output values ({ <sig>: <output sig>, value }); unwrap them.
const outputSig = "4dabf18193072939515e22adb298388d";
// Inputs that depend on other resources' outputs (the API role's policy names the pollers' ARNs) are wrapped twice.
const plain = (v: unknown): unknown =>
  v !== null && typeof v === "object" && outputSig in v ? plain((v as unknown as { value: unknown }).value) : v;
const input = <T>(r: RecordedResource, key: string) => plain(r.inputs[key]) as T;

/** The handler SST was asked to build for the Lambda whose ARN or name is given. */
function handlerOf(s: Synth, arnOrName: string): string | undefined {
  const fn = ofType(s, "aws:lambda/function:Function").find((f) => arnOrName.endsWith(input<string>(f, "name")));
  const functionID = fn?.name.replace(/Function$/, "");
  return s.builds.find((b) => b.functionID === functionID)?.handler;
}

/** The IAM statements of the role that runs the given handler. */
function statementsOf(s: Synth, handler: string): Array<{ Action: string[]; Resource: string[] }> {
  const build = s.builds.find((b) => b.handler === handler);
  const role = s.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === `${build?.functionID}Role`);
  const policies = (role ? input<Array<{ policy: string }>>(role, "inlinePolicies") : []) ?? [];
  return policies.flatMap((p) => JSON.parse(p.policy).Statement);
}

const handlers = {
  api: "functions/handlers/api.handler",
  feeds: "functions/handlers/poll-feeds.handler",
  fx: "functions/handlers/poll-fx.handler",
};

describe("table", () => {
  it("has the keys, indexes and TTL of tableSchema, billed on demand", () => {
    const table = one(synths.dev, "aws:dynamodb/table:Table");
    expect(input(table, "hashKey")).toBe(tableSchema.hashKey);
    expect(input(table, "rangeKey")).toBe(tableSchema.rangeKey);
    expect(input(table, "billingMode")).toBe("PAY_PER_REQUEST");
    expect(input(table, "attributes")).toEqual(tableSchema.attributes.map((name) => ({ name, type: "S" })));
    expect(input(table, "globalSecondaryIndexes")).toEqual(
      tableSchema.globalIndexes.map((i) => ({
        name: i.name,
        hashKey: i.hashKey,
        rangeKey: i.rangeKey,
        projectionType: "ALL",
      })),
    );
    expect(input(table, "ttl")).toEqual({ attributeName: tableSchema.ttlAttribute, enabled: true });
  });

  it.each([
    ["prod", true],
    ["dev", false],
  ] as const)("in stage %s, survives deletion and sst remove: %s", (stage, production) => {
    const s = synths[stage];
    const table = one(s, "aws:dynamodb/table:Table");
    expect(input(table, "deletionProtectionEnabled")).toBe(production);
    const options = s.options.find((o) => o.type === "aws:dynamodb/table:Table");
    expect(options?.retainOnDelete).toBe(production);
    expect(s.app).toMatchObject({ removal: production ? "retain" : "remove", protect: production });
  });
});

describe("schedules", () => {
  it.each([
    ["feeds every 5 minutes", "cron(0/5 * * * ? *)", handlers.feeds],
    ["FX every hour", "cron(0 * * * ? *)", handlers.fx],
  ])("runs %s in Asia/Almaty time, with retries and the dead-letter queue", (_, expression, handler) => {
    const s = synths.prod;
    const schedule = ofType(s, "aws:scheduler/schedule:Schedule").find(
      (r) => input(r, "scheduleExpression") === expression,
    );
    expect(schedule, `a schedule with ${expression}`).toBeDefined();
    expect(input(schedule!, "scheduleExpressionTimezone")).toBe("Asia/Almaty");
    expect(input(schedule!, "state")).toBe("ENABLED");
    const target = input<{ arn: string; retryPolicy: { maximumRetryAttempts: number }; deadLetterConfig?: { arn: string } }>(
      schedule!,
      "target",
    );
    expect(handlerOf(s, target.arn)).toBe(handler);
    expect(target.retryPolicy.maximumRetryAttempts).toBeGreaterThanOrEqual(1);
    const queue = one(s, "aws:sqs/queue:Queue");
    expect(target.deadLetterConfig?.arn).toBe(`arn:aws:sqs:${fakeRegion}:${fakeAccount}:${input(queue, "name")}`);
  });

  it("sends runs that threw, after Lambda's own retries, to the same dead-letter queue", () => {
    const s = synths.prod;
    const queueName = input<string>(one(s, "aws:sqs/queue:Queue"), "name");
    const configs = ofType(s, "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
    const byHandler = Object.fromEntries(
      configs.map((c) => [
        handlerOf(s, input<string>(c, "functionName")),
        input<{ onFailure: { destination: string } }>(c, "destinationConfig").onFailure.destination,
      ]),
    );
    expect(Object.keys(byHandler).sort()).toEqual([handlers.feeds, handlers.fx]);
    for (const destination of Object.values(byHandler)) expect(destination).toContain(queueName);
  });
});

describe("api", () => {
  it("sends every request to the Hono app through one $default route", () => {
    const s = synths.prod;
    const route = one(s, "aws:apigatewayv2/route:Route");
    expect(input(route, "routeKey")).toBe("$default");
    const integration = one(s, "aws:apigatewayv2/integration:Integration");
    expect(input<string>(route, "target")).toBe(`integrations/${integration.name}-id`);
    expect(input(integration, "integrationType")).toBe("AWS_PROXY");
    expect(input(integration, "payloadFormatVersion")).toBe("2.0");
    const apiFunction = input<string>(integration, "integrationUri");
    expect(handlerOf(s, apiFunction)).toBe(handlers.api);
    const permission = one(s, "aws:lambda/permission:Permission");
    expect(input(permission, "principal")).toBe("apigateway.amazonaws.com");
    expect(input(permission, "function")).toBe(apiFunction);
  });

  it("throttles before Lambda and returns the URL and table name as outputs", () => {
    const s = synths.prod;
    const stage = one(s, "aws:apigatewayv2/stage:Stage");
    expect(input(stage, "defaultRouteSettings")).toMatchObject({
      throttlingRateLimit: expect.any(Number),
      throttlingBurstLimit: expect.any(Number),
    });
    expect(s.outputs.api).toMatch(/^https:\/\/.+\.execute-api\.eu-central-1\.amazonaws\.com$/);
    expect(s.outputs.table).toBe(input(one(s, "aws:dynamodb/table:Table"), "name"));
  });
});

describe("functions", () => {
  it.each([
    [handlers.api, ["AddressHashKey", "AdminApiKey", "Alerts", "Pollers", "Table"]],
    [handlers.feeds, ["AddressHashKey", "Alerts", "Table"]],
    [handlers.fx, ["AddressHashKey", "Alerts", "Table"]],
  ])("%s is linked to %j", (handler, links) => {
    const s = synths.prod;
    const build = s.builds.find((b) => b.handler === handler);
    expect(Object.keys(build?.links ?? {}).sort()).toEqual(links);
    expect(build?.links.Table).toMatchObject({ name: s.outputs.table });
  });

  it("tells the API the two poller functions' names (Pollers link), for POST /admin/poll", () => {
    const s = synths.prod;
    const pollers = s.builds.find((b) => b.handler === handlers.api)?.links.Pollers as { feeds: string; fx: string } | undefined;
    expect(pollers).toBeDefined();
    expect(handlerOf(s, pollers!.feeds)).toBe(handlers.feeds);
    expect(handlerOf(s, pollers!.fx)).toBe(handlers.fx);
  });

  it.each(stages)("in stage %s, only the API may invoke a function, and only the two pollers", (stage) => {
    const s = synths[stage];
    const invoke = (handler: string) => statementsOf(s, handler).filter((st) => st.Action.some((a) => a.startsWith("lambda:")));
    const [statement, ...others] = invoke(handlers.api);
    expect(others).toEqual([]);
    expect(statement?.Action).toEqual(["lambda:InvokeFunction"]);
    expect(statement?.Resource.map((arn) => handlerOf(s, arn)).sort()).toEqual([handlers.feeds, handlers.fx]);
    expect(statement?.Resource).toHaveLength(2);
    expect(invoke(handlers.feeds)).toEqual([]);
    expect(invoke(handlers.fx)).toEqual([]);
  });

  it.each(Object.values(handlers))("%s runs as a split ESM bundle on nodejs22.x, arm64", (handler) => {
    const build = synths.prod.builds.find((b) => b.handler === handler);
    expect(build?.runtime).toBe("nodejs22.x");
    // tests/bench/bundle.bench.ts measures exactly these settings.
    expect(build?.properties).toMatchObject({ format: "esm", minify: true, splitting: true, architecture: "arm64" });
  });

  it.each(Object.values(handlers))("%s sends alerts through SNS with links to the deployed API", (handler) => {
    const s = synths.prod;
    const functionID = s.builds.find((b) => b.handler === handler)?.functionID;
    const fn = s.resources.find((r) => r.type === "aws:lambda/function:Function" && r.name === `${functionID}Function`);
    const variables = fn ? input<{ variables: Record<string, string> }>(fn, "environment").variables : {};
    expect(variables).toMatchObject({ DABYL_ALERTS: "sns", DABYL_STAGE: "prod", DABYL_PUBLIC_URL: s.outputs.api });
  });

  it.each(Object.values(handlers))("%s has a source file to bundle", (handler) => {
    const build = synths.prod.builds.find((b) => b.handler === handler);
    // `sst deploy` stops with "Handler not found" when this is null.
    expect(build?.handlerFile, `no source file for ${handler}`).not.toBeNull();
  });
});

describe("alerts", () => {
  it.each(stages.flatMap((stage) => Object.values(handlers).map((h) => [stage, h] as const)))(
    "in stage %s, %s may use SNS only on dabyl-<stage>-* topics, plus Publish to phone numbers (which have no ARN)",
    (stage, handler) => {
      const sns = statementsOf(synths[stage], handler).filter((st) => st.Action.some((a) => a.startsWith("sns:")));
      expect(sns).toEqual([
        {
          Effect: "Allow",
          Action: snsActionsExpected,
          Resource: [`arn:aws:sns:${fakeRegion}:${fakeAccount}:dabyl-${stage}-*`],
        },
        // Verification codes go straight to a number: SNS checks sns:Publish on "*" for that.
        { Effect: "Allow", Action: ["sns:Publish"], Resource: ["*"] },
      ]);
    },
  );

  it("keeps the address hash key in an SST secret, out of the table", () => {
    const build = synths.prod.builds.find((b) => b.handler === handlers.api);
    expect(Object.keys(build?.links ?? {})).toContain("AddressHashKey");
  });

  it.each([
    ["prod", 1],
    ["dev", 0],
  ] as const)("stage %s manages the account's SMS preferences %i time(s)", (stage, count) => {
    const prefs = ofType(synths[stage], "aws:sns/smsPreferences:SmsPreferences");
    expect(prefs).toHaveLength(count);
    for (const p of prefs) {
      expect(input(p, "defaultSmsType")).toBe("Transactional");
      expect(input(p, "monthlySpendLimit")).toBeGreaterThan(0);
    }
  });
});
