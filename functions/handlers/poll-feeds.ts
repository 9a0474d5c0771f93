import { createDocumentClient } from "../adapters/dynamo/client.js";
import { makeStores } from "../adapters/dynamo/stores.js";
import { fetchFeed } from "../adapters/http/fetch-feed.js";
import { createPowertoolsLogger } from "../adapters/powertools-log.js";
import { readResources } from "../adapters/resources.js";
import { feedPollSettings } from "../config/settings.js";
import { builtinSources } from "../config/sources.js";
import { pollFeeds } from "../jobs/poll-feeds.js";
import { lambdaAlerts } from "./alerts.js";

const resources = readResources();
const log = createPowertoolsLogger(resources.logLevel).child({ job: "poll-feeds" });
const stores = makeStores(createDocumentClient(), resources.tableName);
const alerts = lambdaAlerts(stores, resources, log);

export const handler = async () => {
  const reports = await pollFeeds(
    {
      ...stores,
      fetchFeed,
      log,
      now: () => new Date(),
      // DABYL_RETENTION_DAYS, passed to every function at deploy time.
      settings: { ...feedPollSettings, retentionDays: resources.retentionDays },
      onNewHeadlines: alerts.delivery.onNewHeadlines,
    },
    builtinSources,
  );
  // Retries alerts SNS refused earlier and sends due hourly summaries, even when nothing new came in.
  await alerts.delivery.afterPoll();
  return { sources: reports.length, failing: reports.filter((r) => !r.ok).map((r) => r.sourceId) };
};
