import { createDocumentClient } from "../adapters/dynamo/client.js";
import { makeStores } from "../adapters/dynamo/stores.js";
import { fetchFeed } from "../adapters/http/fetch-feed.js";
import { createLogger } from "../adapters/log.js";
import { readResources } from "../adapters/resources.js";
import { fxSettings } from "../config/fx.js";
import { builtinSources } from "../config/sources.js";
import { pollFx } from "../jobs/poll-fx.js";

const resources = readResources();
const log = createLogger().child({ job: "poll-fx" });
const stores = makeStores(createDocumentClient(), resources.tableName);

// The alerts feature wires fxConditions and onFxEvents here when it lands.
export const handler = async () => {
  const reports = await pollFx({ ...stores, fetchFeed, log, now: () => new Date(), settings: fxSettings }, builtinSources);
  return { sources: reports.length, failing: reports.filter((r) => !r.ok).map((r) => r.sourceId), changed: reports.reduce((n, r) => n + r.changed, 0) };
};
