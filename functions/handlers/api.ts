import { handle } from "hono/aws-lambda";
import { createDocumentClient } from "../adapters/dynamo/client.js";
import { makeStores } from "../adapters/dynamo/stores.js";
import { createLogger } from "../adapters/log.js";
import { readResources } from "../adapters/resources.js";
import { createApp } from "../api/app.js";
import { builtinSources } from "../config/sources.js";

const resources = readResources();
const log = createLogger();
const stores = makeStores(createDocumentClient(), resources.tableName);

export const handler = handle(createApp({ ...stores, sources: builtinSources, log }));
