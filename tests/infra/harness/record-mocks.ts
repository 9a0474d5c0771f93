/**
 * Pulumi unit-test mocks that record every resource the config registers. Typed structurally
 * (no import from @pulumi/pulumi, which lives only in .sst/platform) so the main tsconfig
 * can check this file.
 */
export const fakeAccount = "123456789012";
export const fakeRegion = "eu-central-1";

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

interface NewResourceArgs {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}
interface CallArgs {
  token: string;
  inputs: Record<string, unknown>;
}

/** What aws:iam/getPolicyDocument would render, enough for the tests to read statements. */
function policyDocument(inputs: Record<string, unknown>): string {
  const statements = (inputs.statements ?? []) as Array<Record<string, unknown>>;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Effect: s.effect ?? "Allow",
      Action: s.actions,
      Resource: s.resources,
      ...(s.principals ? { Principal: s.principals } : {}),
    })),
  });
}

/** Output attributes the components read back (arn, name, endpoints), faked per type. */
function fakeState(type: string, name: string, inputs: Record<string, unknown>) {
  const service = type.split(":")[1]?.split("/")[0] ?? "unknown";
  const physical = typeof inputs.name === "string" ? inputs.name : `${name}-fake`;
  const state: Record<string, unknown> = {
    ...inputs,
    name: physical,
    arn: `arn:aws:${service}:${fakeRegion}:${fakeAccount}:${physical}`,
  };
  if (type === "aws:apigatewayv2/api:Api") {
    state.apiEndpoint = `https://${name.toLowerCase()}.execute-api.${fakeRegion}.amazonaws.com`;
    state.executionArn = `arn:aws:execute-api:${fakeRegion}:${fakeAccount}:${name}`;
  }
  if (type === "aws:sqs/queue:Queue") state.url = `https://sqs.${fakeRegion}.amazonaws.com/${fakeAccount}/${physical}`;
  if (type === "random:index/randomBytes:RandomBytes") state.base64 = Buffer.alloc(32).toString("base64");
  return state;
}

export function recordMocks() {
  const resources: RecordedResource[] = [];
  const mocks = {
    newResource(args: NewResourceArgs) {
      resources.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}-id`, state: fakeState(args.type, args.name, args.inputs) };
    },
    call(args: CallArgs): Record<string, unknown> {
      switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
          return { accountId: fakeAccount, arn: `arn:aws:iam::${fakeAccount}:user/test`, userId: "test" };
        case "aws:index/getRegion:getRegion":
          return { name: fakeRegion, region: fakeRegion, endpoint: `ec2.${fakeRegion}.amazonaws.com` };
        case "aws:index/getPartition:getPartition":
          return { partition: "aws", dnsSuffix: "amazonaws.com" };
        case "aws:iam/getPolicyDocument:getPolicyDocument":
          return { ...args.inputs, json: policyDocument(args.inputs) };
        default:
          return {};
      }
    },
  };
  return { mocks, resources };
}
