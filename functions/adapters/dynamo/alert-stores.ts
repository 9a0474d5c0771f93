import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { makeAlertStore, type AlertStore } from "./alert-store.js";
import { makeDeliveryStore, type DeliveryStore } from "./delivery-store.js";
import { makeRateLimitStore, type RateLimitStore } from "./rate-limit-store.js";
import { makeShortLinkStore, type ShortLinkStore } from "./short-link-store.js";
import { makeSubscriptionSweepStore, type SubscriptionSweepStore } from "./subscription-sweep-store.js";

/** Everything alerts keep in DynamoDB, over the shared table. */
export interface AlertStores {
  readonly alerts: AlertStore;
  readonly deliveries: DeliveryStore;
  readonly rateLimits: RateLimitStore;
  readonly shortLinks: ShortLinkStore;
  /** The daily check of subscriptions with SNS. */
  readonly sweeps: SubscriptionSweepStore;
}

export function makeAlertStores(doc: DynamoDBDocumentClient, tableName: string): AlertStores {
  return {
    alerts: makeAlertStore(doc, tableName),
    deliveries: makeDeliveryStore(doc, tableName),
    rateLimits: makeRateLimitStore(doc, tableName),
    shortLinks: makeShortLinkStore(doc, tableName),
    sweeps: makeSubscriptionSweepStore(doc, tableName),
  };
}
