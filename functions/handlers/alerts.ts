import type { Stores } from "../adapters/dynamo/stores.js";
import type { Resources } from "../adapters/resources.js";
import { alertConfigFrom, DEFAULT_PUBLIC_URL } from "../adapters/sns/alert-config.js";
import { makeNotifier } from "../adapters/sns/make-notifier.js";
import { topics } from "../config/topics.js";
import type { Logger } from "../core/logger.js";
import { makeAlerts } from "../jobs/make-alerts.js";

/** Alerts for a Lambda: SNS (the function's role has credentials), links to DABYL_PUBLIC_URL. Call once at module scope. */
export function lambdaAlerts(stores: Stores, resources: Resources, log: Logger) {
  const config = alertConfigFrom(resources);
  if (config.publicUrl === undefined) log.warn("DABYL_PUBLIC_URL is not set; alert links will point at the local default", { publicUrl: DEFAULT_PUBLIC_URL });
  return makeAlerts({
    stores: stores.alertStores,
    notifier: makeNotifier({ sink: config.sink, dataDir: null, log }),
    log,
    settings: config.settings,
    stage: resources.stage,
    publicUrl: config.publicUrl ?? DEFAULT_PUBLIC_URL,
    topics,
    // The linked AddressHashKey secret: address hashes are keyed outside the table in AWS.
    addressKey: resources.addressHashKey,
    fxLatest: () => stores.fx.latest(),
  });
}
