import { createDocumentClient } from "../adapters/dynamo/client.js";
import { makeStores } from "../adapters/dynamo/stores.js";
import { fetchFeed } from "../adapters/http/fetch-feed.js";
import { createPowertoolsLogger } from "../adapters/powertools-log.js";
import { readResources } from "../adapters/resources.js";
import { fxSettings } from "../config/fx.js";
import { builtinSources } from "../config/sources.js";
import { pollFx } from "../jobs/poll-fx.js";
import { lambdaAlerts } from "./alerts.js";

const resources = readResources();
const log = createPowertoolsLogger(resources.logLevel).child({ job: "poll-fx" });
const stores = makeStores(createDocumentClient(), resources.tableName);
const alerts = lambdaAlerts(stores, resources, log);

export const handler = async () => {
  const reports = await pollFx({ ...stores, fetchFeed, log, now: () => new Date(), settings: fxSettings, fxConditions: alerts.delivery.fxConditions, onFxEvents: alerts.delivery.onFxEvents }, builtinSources);
  return { sources: reports.length, failing: reports.filter((r) => !r.ok).map((r) => r.sourceId), changed: reports.reduce((n, r) => n + r.changed, 0) };
};
