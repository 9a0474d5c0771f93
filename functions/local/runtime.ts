import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createDocumentClient } from "../adapters/dynamo/client.js";
import { createTableIfMissing } from "../adapters/dynamo/create-table.js";
import { makeStores } from "../adapters/dynamo/stores.js";
import { fetchFeed as realFetchFeed, type FetchFeed } from "../adapters/http/fetch-feed.js";
import { createApp, type ApiDeps } from "../api/app.js";
import { httpOptionsFrom } from "../api/http-options.js";
import { readResources } from "../adapters/resources.js";
import { fxSettings } from "../config/fx.js";
import { feedPollSettings } from "../config/settings.js";
import type { Source } from "../config/sources.js";
import { tableSchema } from "../config/table.js";
import type { Logger } from "../core/logger.js";
import { pollFeeds } from "../jobs/poll-feeds.js";
import { pollFx } from "../jobs/poll-fx.js";
import { readAlertConfig } from "../adapters/sns/alert-config.js";
import { makeNotifier } from "../adapters/sns/make-notifier.js";
import { topics } from "../config/topics.js";
import { makeAlerts } from "../jobs/make-alerts.js";
import { startDynalite } from "./dynamo-local.js";
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
  /** API settings (admin key, CORS, rate limit); read from the environment when absent. */
  readonly api?: Partial<Pick<ApiDeps, "adminApiKey" | "corsOrigins" | "rateLimit">>;
}

export interface Runtime {
  readonly url: string;
  /** Runs every poller now (waits for a run already in flight instead of starting a second). */
  pollNow(): Promise<void>;
  /** Stops the schedule, lets a running poll finish, closes the server and the database. */
  stop(): Promise<void>;
}

/** The whole of dabyl on one machine: embedded DynamoDB, the pollers on a timer, the API on a port. */
export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const tableName = opts.tableName ?? "dabyl";
  const dynamo = await startDynalite(opts.dataDir ? join(opts.dataDir, "db") : null);
  const doc = createDocumentClient({ endpoint: dynamo.endpoint });
  await createTableIfMissing(doc, tableName, tableSchema);
  const stores = makeStores(doc, tableName);

  const api = { ...httpOptionsFrom(readResources()), ...opts.api };
  // Alerts: SNS with AWS credentials, else the console plus <dataDir>/outbox.jsonl; links point at this server unless DABYL_PUBLIC_URL says otherwise.
  const alertConfig = readAlertConfig();
  const alerts = makeAlerts({
    stores: stores.alertStores,
    notifier: makeNotifier({ dataDir: opts.dataDir, log: opts.log }),
    log: opts.log,
    settings: alertConfig.settings,
    stage: readResources().stage,
    publicUrl: () => alertConfig.publicUrl ?? url,
    topics,
    // Locally no secret is linked: DABYL_ADDRESS_HASH_KEY if set, else a key generated into the table.
    addressKey: readResources().addressHashKey,
    fxLatest: () => stores.fx.latest(),
  });
  // POST /admin/poll runs the same pollers as the schedule (runtime is assigned before any request).
  const app = createApp({ ...stores, sources: opts.sources, log: opts.log, ...api, runPollers: () => runtime.pollNow(), alerts: alerts.api });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  opts.log.info("api listening", { url });

  const settings = { ...feedPollSettings, intervalMinutes: opts.feedPollMinutes, retentionDays: opts.retentionDays ?? feedPollSettings.retentionDays };
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
    pollNow: async () => {
      await Promise.all([feeds.runNow(), fx?.runNow()]);
    },
    async stop() {
      await Promise.all([feeds.stop(), fx?.stop()]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      doc.destroy();
      await dynamo.close();
    },
  };
  return runtime;
}
