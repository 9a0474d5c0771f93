import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { makeAlertStores, type AlertStores } from "./alert-stores.js";
import { makeFxStore, type FxStore } from "./fx-store.js";
import { makeHeadlineSearch, type HeadlineSearch } from "./headline-search.js";
import { makeHeadlineStore, type HeadlineStore } from "./headline-store.js";
import { makeSourceStateStore, type SourceStateStore } from "./source-state-store.js";

export interface Stores {
  readonly headlines: HeadlineStore;
  /** Filtered, bounded walks over the newest-first indexes (GET /headlines, feeds out). */
  readonly search: HeadlineSearch;
  readonly states: SourceStateStore;
  readonly fx: FxStore;
  /** Alert topics, subscriptions, deliveries, rate limits and short links. */
  readonly alertStores: AlertStores;
}

/** Every DynamoDB-backed store, over one client and table. */
export function makeStores(doc: DynamoDBDocumentClient, tableName: string): Stores {
  return {
    headlines: makeHeadlineStore(doc, tableName),
    search: makeHeadlineSearch(doc, tableName),
    states: makeSourceStateStore(doc, tableName),
    fx: makeFxStore(doc, tableName),
    alertStores: makeAlertStores(doc, tableName),
  };
}
