import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { ServerType } from "@hono/node-server";
import { createDocumentClient } from "../adapters/dynamo/client.js";
import { createTableIfMissing } from "../adapters/dynamo/create-table.js";
import { makeStores, type Stores } from "../adapters/dynamo/stores.js";
import { fetchFeed as realFetchFeed, type FetchFeed } from "../adapters/http/fetch-feed.js";
import { createApp, type ApiDeps } from "../api/app.js";
import { httpOptionsFrom } from "../api/http-options.js";
import { readResources, type Resources } from "../adapters/resources.js";
import { fxSettings } from "../config/fx.js";
import { feedPollSettings } from "../config/settings.js";
import type { Source } from "../config/sources.js";
import { tableSchema } from "../config/table.js";
import type { Logger } from "../core/logger.js";
import { pollFeeds } from "../jobs/poll-feeds.js";
import { pollFx } from "../jobs/poll-fx.js";
import { alertConfigFrom } from "../adapters/sns/alert-config.js";
import { makeNotifier } from "../adapters/sns/make-notifier.js";
import { topics } from "../config/topics.js";
import { makeAlerts } from "../jobs/make-alerts.js";
import { startDynalite, type LocalDynamo } from "./dynamo-local.js";
import { listen } from "./listen.js";
import { schedule } from "./scheduler.js";

export interface RuntimeOptions {
  /** Folder for the database (and the alerts outbox); null keeps everything in memory. */
  readonly dataDir: string | null;
  readonly port: number;
  readonly host?: string;
  readonly sources: readonly Source[];
  readonly feedPollMinutes: number;
  /** Minutes between polls of "nbk-rates" sources; default 60. */
  readonly fxPollMinutes?: number;
  readonly retentionDays?: number;
  readonly tableName?: string;
  readonly log: Logger;
  readonly fetchFeed?: FetchFeed;
  /** API settings (admin key, CORS, rate limit); from `resources` when absent. */
  readonly api?: Partial<Pick<ApiDeps, "adminApiKey" | "corsOrigins" | "rateLimit">>;
  /** The environment as readResources() read it at boot; read here once when absent. */
  readonly resources?: Resources;
}

export interface Runtime {
  readonly url: string;
  /** The embedded database's stores (the demo backfills FX history into them). */
  readonly stores: Stores;
  /** Runs every poller now (waits for a run already in flight instead of starting a second). */
  pollNow(): Promise<void>;
  /** Stops the schedule, lets a running poll finish, closes the server and the database. */
  stop(): Promise<void>;
}

/** The whole of dabyl on one machine: embedded DynamoDB, the pollers on a timer, the API on a port. */
export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const tableName = opts.tableName ?? "dabyl";
  const resources = opts.resources ?? readResources();
  const dynamo = await startDynalite(opts.dataDir ? join(opts.dataDir, "db") : null);
  const doc = createDocumentClient({ endpoint: dynamo.endpoint });
  try {
    return await startOn(opts, resources, tableName, doc, dynamo);
  } catch (e) {
    // Nothing else holds the database yet: close it so its files are flushed and unlocked.
    doc.destroy();
    await dynamo.close();
    throw e;
  }
}

async function startOn(opts: RuntimeOptions, resources: Resources, tableName: string, doc: ReturnType<typeof createDocumentClient>, dynamo: LocalDynamo): Promise<Runtime> {
  await createTableIfMissing(doc, tableName, tableSchema);
  const stores = makeStores(doc, tableName);

  const api = { ...httpOptionsFrom(resources), ...opts.api };
  // Alerts: SNS with AWS credentials, else the console plus <dataDir>/outbox.jsonl; links point at this server unless DABYL_PUBLIC_URL says otherwise.
  const alertConfig = alertConfigFrom(resources);
  const alerts = makeAlerts({
    stores: stores.alertStores,
    notifier: makeNotifier({ sink: alertConfig.sink, dataDir: opts.dataDir, log: opts.log }),
    log: opts.log,
    settings: alertConfig.settings,
    stage: resources.stage,
    publicUrl: () => alertConfig.publicUrl ?? url,
    topics,
    // Locally no secret is linked: DABYL_ADDRESS_HASH_KEY if set, else a key generated into the table.
    addressKey: resources.addressHashKey,
    fxLatest: () => stores.fx.latest(),
  });
  // POST /admin/poll runs the same pollers as the schedule (runtime is assigned before any request).
  // Feed and page links use DABYL_PUBLIC_URL, else this server's own address (never the request's Host).
  const publicUrl = api.publicUrl ?? (() => resources.publicUrl ?? url);
  const app = createApp({ ...stores, sources: opts.sources, log: opts.log, ...api, publicUrl, runPollers: () => runtime.pollNow(), alerts: alerts.api });
  const server: ServerType = await listen(app.fetch, opts.port, opts.host ?? "127.0.0.1");
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  opts.log.info("api listening", { url });

  const settings = { ...feedPollSettings, intervalMinutes: opts.feedPollMinutes, retentionDays: opts.retentionDays ?? resources.retentionDays };
  const feeds = schedule(
    () =>
      pollFeeds(
        { ...stores, fetchFeed: opts.fetchFeed ?? realFetchFeed, log: opts.log.child({ job: "poll-feeds" }), now: () => new Date(), settings, onNewHeadlines: alerts.delivery.onNewHeadlines },
        opts.sources,
      ).then(() => alerts.delivery.afterPoll()),
    opts.feedPollMinutes * 60_000,
    (e) => opts.log.error("feed poll failed", { err: (e as Error).message }),
  );

  // FX: once at boot, then hourly, for the "nbk-rates" sources only.
  const fxSources = opts.sources.filter((s) => s.kind === "nbk-rates");
  const fxPollMinutes = opts.fxPollMinutes ?? fxSettings.pollMinutes;
  const fx = fxSources.length === 0
    ? undefined
    : schedule(
        () =>
          pollFx(
            { ...stores, fetchFeed: opts.fetchFeed ?? realFetchFeed, log: opts.log.child({ job: "poll-fx" }), now: () => new Date(), settings: { ...fxSettings, pollMinutes: fxPollMinutes }, fxConditions: alerts.delivery.fxConditions, onFxEvents: alerts.delivery.onFxEvents },
            fxSources,
          ),
        fxPollMinutes * 60_000,
        (e) => opts.log.error("FX poll failed", { err: (e as Error).message }),
      );

  const runtime: Runtime = {
    url,
    stores,
    pollNow: async () => {
      await Promise.all([feeds.runNow(), fx?.runNow()]);
    },
    async stop() {
      // Whatever fails on the way, the database is closed last: dynalite flushes its files on close.
      try {
        await Promise.all([feeds.stop(), fx?.stop()]);
      } finally {
        try {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
        } finally {
          doc.destroy();
          await dynamo.close();
        }
      }
    },
  };
  return runtime;
}
