import { nodeFunction } from "./function-defaults.js";
import { functionEnvironment } from "./function-environment.js";

export interface ApiOptions {
  /** From createApiGateway(): the gateway and the admin key secret. */
  readonly api: sst.aws.ApiGatewayV2;
  readonly adminApiKey: sst.Secret;
  readonly table: sst.aws.Dynamo;
  /** The SNS link: POST /alerts creates topics and subscriptions, DELETE unsubscribes. */
  readonly alerts: sst.Linkable<{ topicPrefix: string }>;
  /** The address HMAC key (from createAlerts); POST /alerts hashes addresses with it. */
  readonly addressHashKey: sst.Secret;
  /** The poller functions (from createPollers): POST /admin/poll starts them asynchronously. */
  readonly pollers: sst.Linkable<{ feeds: $util.Output<string>; fx: $util.Output<string> }>;
}

/**
 * The HTTP API (API Gateway v2) that fronts the Hono app, created before its route: the pollers
 * need its URL (alert links) and its route needs the pollers (admin poll), so the two come apart.
 * HTTP API rather than a Function URL because it adds stage throttling (a public API with SMS
 * sign-up needs a ceiling on abuse before it reaches Lambda), access logs and custom domains, for
 * about 1 USD per million requests.
 */
export function createApiGateway() {
  // Set per stage with `npx sst secret set AdminApiKey <value> --stage <stage>`; read as Resource.AdminApiKey.value.
  const adminApiKey = new sst.Secret("AdminApiKey");
  const api = new sst.aws.ApiGatewayV2("Api", {
    accessLog: { retention: "1 month" },
    transform: {
      stage: { defaultRouteSettings: { throttlingRateLimit: 50, throttlingBurstLimit: 100 } },
    },
  });
  return { api, adminApiKey };
}

/** The Hono app behind one `$default` route: Hono does all the routing, so adding a route never touches infrastructure. */
export function routeApi({ api, adminApiKey, table, alerts, addressHashKey, pollers }: ApiOptions) {
  api.route("$default", {
    ...nodeFunction,
    handler: "functions/handlers/api.handler",
    link: [table, alerts, adminApiKey, addressHashKey, pollers],
    environment: functionEnvironment(api.url),
    memory: "512 MB",
    // API Gateway gives up after 30 s anyway; a request that needs more is a bug.
    timeout: "10 seconds",
  });
}
