import type { AlertStores } from "../adapters/dynamo/alert-stores.js";
import type { Notifier } from "../adapters/sns/notifier.js";
import type { AlertSettings } from "../config/alerts.js";
import type { Topic } from "../config/topics.js";
import type { LatestRates } from "../core/fx/types.js";
import type { Logger } from "../core/logger.js";
import { makeAlertDelivery, type AlertDelivery } from "./alert-delivery.js";
import { makeAlertsApi, type AlertsApi } from "./manage-alerts.js";
import { makeAlertMatcher } from "./match-alerts.js";

export interface AlertsWiring {
  readonly stores: AlertStores;
  readonly notifier: Notifier;
  readonly log: Logger;
  readonly settings: AlertSettings;
  readonly stage: string;
  /** Base URL of the API; a function when it is known only once the server listens (local runtime on port 0). */
  readonly publicUrl: string | (() => string);
  readonly topics: readonly Topic[];
  readonly now?: () => Date;
  /** The AddressHashKey secret (Resources.addressHashKey); without it the table keeps a generated key. */
  readonly addressKey?: string | undefined;
  /** Latest FX rates, so a sign-up to "USD/KZT above 520" can say the rate already is. */
  readonly fxLatest?: () => Promise<LatestRates>;
}

/** Everything alerts give the rest of dabyl: the API's use cases and the pollers' hooks, built once per process. */
export function makeAlerts(w: AlertsWiring): { readonly api: AlertsApi; readonly delivery: AlertDelivery } {
  const now = w.now ?? (() => new Date());
  const log = w.log.child({ job: "alerts" });
  const publicUrl = () => (typeof w.publicUrl === "function" ? w.publicUrl() : w.publicUrl);
  const api = makeAlertsApi({
    alerts: w.stores.alerts,
    rateLimits: w.stores.rateLimits,
    notifier: w.notifier,
    log,
    now,
    settings: w.settings,
    stage: w.stage,
    topics: w.topics,
    publicUrl,
    addressKey: w.addressKey,
    fxLatest: w.fxLatest,
  });
  const delivery = makeAlertDelivery({
    alerts: w.stores.alerts,
    deliveries: w.stores.deliveries,
    shortLinks: w.stores.shortLinks,
    sweeps: w.stores.sweeps,
    notifier: w.notifier,
    matcher: makeAlertMatcher(w.stores.alerts, log),
    log,
    now,
    settings: w.settings,
    get publicUrl() {
      return typeof w.publicUrl === "function" ? w.publicUrl() : w.publicUrl;
    },
  });
  return { api, delivery };
}
