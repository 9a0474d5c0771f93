import { nodeFunction } from "./function-defaults.js";
import { functionEnvironment } from "./function-environment.js";

export interface ApiOptions {
  readonly table: sst.aws.Dynamo;
  /** The SNS link: POST /alerts creates topics and subscriptions, DELETE unsubscribes. */
  readonly alerts: sst.Linkable<{ topicPrefix: string }>;
  /** The address HMAC key (from createAlerts); POST /alerts hashes addresses with it. */
  readonly addressHashKey: sst.Secret;
}

/**
 * The Hono app behind one `$default` route of an HTTP API (API Gateway v2): Hono does all the
 * routing, so adding a route never touches infrastructure. HTTP API rather than a Function URL
 * because it adds stage throttling (a public API with SMS sign-up needs a ceiling on abuse
 * before it reaches Lambda), access logs and custom domains, for about 1 USD per million requests.
 */
export function createApi({ table, alerts, addressHashKey }: ApiOptions) {
  // Set per stage with `npx sst secret set AdminApiKey <value> --stage <stage>`; read as Resource.AdminApiKey.value.
  const adminApiKey = new sst.Secret("AdminApiKey");

  const api = new sst.aws.ApiGatewayV2("Api", {
    accessLog: { retention: "1 month" },
    transform: {
      stage: { defaultRouteSettings: { throttlingRateLimit: 50, throttlingBurstLimit: 100 } },
    },
  });
  api.route("$default", {
    ...nodeFunction,
    handler: "functions/handlers/api.handler",
    link: [table, alerts, adminApiKey, addressHashKey],
    environment: functionEnvironment(api.url),
    memory: "512 MB",
    // API Gateway gives up after 30 s anyway; a request that needs more is a bug.
    timeout: "10 seconds",
  });
  return { api, adminApiKey };
}
