import { handle } from "hono/aws-lambda";
import { createDocumentClient } from "../adapters/dynamo/client.js";
import { makeStores } from "../adapters/dynamo/stores.js";
import { createLambdaLogger } from "../adapters/lambda-log.js";
import { readResources } from "../adapters/resources.js";
import { createApp } from "../api/app.js";
import { httpOptionsFrom } from "../api/http-options.js";
import { builtinSources } from "../config/sources.js";
import { lambdaAlerts } from "./alerts.js";

const resources = readResources();
const log = createLambdaLogger();
const stores = makeStores(createDocumentClient(), resources.tableName);
const alerts = lambdaAlerts(stores, resources.stage, log);

// POST /admin/poll runs the poll jobs in this process; loaded on first use so cold starts stay lean.
const runPollers = async () => {
  const feeds = await import("./poll-feeds.js");
  return feeds.handler();
};

export const handler = handle(createApp({ ...stores, sources: builtinSources, log, ...httpOptionsFrom(resources), runPollers, alerts: alerts.api }));
