import { handle } from "hono/aws-lambda";
import { createDocumentClient } from "../adapters/dynamo/client.js";
import { makeStores } from "../adapters/dynamo/stores.js";
import { createPowertoolsLogger } from "../adapters/powertools-log.js";
import { readResources } from "../adapters/resources.js";
import { createApp } from "../api/app.js";
import { httpOptionsFrom } from "../api/http-options.js";
import { builtinSources } from "../config/sources.js";
import { lambdaAlerts } from "./alerts.js";

const resources = readResources();
const log = createPowertoolsLogger(resources.logLevel);
const stores = makeStores(createDocumentClient(), resources.tableName);
const alerts = lambdaAlerts(stores, resources, log);

// POST /admin/poll starts the poller functions and answers 202: a feed poll can outlast this
// function's 10 s. The Lambda client loads on first use, so it adds nothing to cold starts.
const pollers = resources.pollerFunctions;
const runPollers = pollers
  ? async () => {
      const { invokePollers } = await import("../adapters/lambda/invoke-pollers.js");
      return { started: await invokePollers({ "poll-feeds": pollers.feeds, "poll-fx": pollers.fx }) };
    }
  : undefined;

export const handler = handle(createApp({ ...stores, sources: builtinSources, log, ...httpOptionsFrom(resources), runPollers, alerts: alerts.api }));
