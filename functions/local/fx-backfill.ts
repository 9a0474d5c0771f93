/**
 * `npm run fx:backfill -- --from YYYY-MM-DD [--to YYYY-MM-DD] [--pause-ms N] [--nbk-url URL]`
 *
 * Writes into the local runtime's database (DABYL_DATA_DIR, default .data) unless DABYL_TABLE_NAME
 * and AWS credentials (AWS_PROFILE or AWS_ACCESS_KEY_ID) are both set; then into that DynamoDB table.
 * The local database is one process's at a time: stop `npm start` first.
 */
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createDocumentClient } from "../adapters/dynamo/client.js";
import { createTableIfMissing } from "../adapters/dynamo/create-table.js";
import { makeFxStore } from "../adapters/dynamo/fx-store.js";
import { fetchFeed } from "../adapters/http/fetch-feed.js";
import { createLogger } from "../adapters/log.js";
import { readBackfillConfig, readResources } from "../adapters/resources.js";
import { fxSettings } from "../config/fx.js";
import { tableSchema } from "../config/table.js";
import { ValidationError } from "../core/errors.js";
import { almatyDate } from "../core/fx/index.js";
import { backfillFx } from "../jobs/backfill-fx.js";
import { startDynalite, type LocalDynamo } from "./dynamo-local.js";
import { parseBackfillArgs, type BackfillArgs } from "./parse-backfill-args.js";

let args: BackfillArgs;
let config: ReturnType<typeof readBackfillConfig>;
let logLevel: string;
try {
  args = parseBackfillArgs(process.argv.slice(2), almatyDate(new Date()), fxSettings.backfillPauseMs);
  config = readBackfillConfig();
  logLevel = readResources().logLevel;
} catch (e) {
  console.error(`fx:backfill: ${e instanceof ValidationError ? e.message : (e as Error).message ?? String(e)}`);
  process.exit(2);
}

const baseUrl = args.baseUrl ?? config.nbkBaseUrl ?? fxSettings.nbkBaseUrl;
const toAws = config.awsTableName !== undefined;
const log = createLogger(logLevel).child({ job: "fx-backfill" });

const IN_USE = " (is npm start or npm run demo using this data folder? stop it first, or set DABYL_DATA_DIR)";
// dynalite reports a database locked by another process as an asynchronous "Database is closed".
process.on("uncaughtException", (e) => {
  const msg = e instanceof Error ? e.message : String(e);
  console.error(`fx:backfill: ${/Database is closed|lock/i.test(msg) ? `the local database is in use${IN_USE}` : msg}`);
  process.exit(1);
});

let dynamo: LocalDynamo | undefined;
let tableName: string;
let doc: ReturnType<typeof createDocumentClient>;
try {
  if (toAws) {
    tableName = config.awsTableName!;
    doc = createDocumentClient();
  } else {
    const dbPath = join(config.dataDir, "db");
    tableName = "dabyl";
    dynamo = await startDynalite(dbPath);
    doc = createDocumentClient({ endpoint: dynamo.endpoint });
    await createTableIfMissing(doc, tableName, tableSchema);
  }
} catch (e) {
  const msg = (e as Error).message;
  const hint = /lock|closed/i.test(msg) ? IN_USE : "";
  console.error(`fx:backfill: cannot open the database: ${msg}${hint}`);
  process.exit(1);
}

log.info("backfilling FX history", { from: args.from, to: args.to, pauseMs: args.pauseMs, nbk: baseUrl, target: toAws ? `dynamodb:${tableName}` : "local" });
let failed = false;
try {
  const report = await backfillFx(
    { fetchFeed, fx: makeFxStore(doc, tableName), log, now: () => new Date(), sleep: (ms) => sleep(ms) },
    { from: args.from, to: args.to, baseUrl, pauseMs: args.pauseMs, timeoutMs: fxSettings.timeoutMs, maxBytes: fxSettings.maxBytes },
  );
  failed = report.failed.length > 0 || report.aborted !== undefined;
  console.log(
    `fx:backfill ${args.from}..${args.to}: ${report.stored} days stored (${report.rates} rates), ${report.empty} without rates, ` +
      `${report.skipped} already stored, ${report.failed.length} failed${report.aborted ? `; ${report.aborted}` : ""}`,
  );
} catch (e) {
  failed = true;
  console.error(`fx:backfill failed: ${(e as Error).message}`);
} finally {
  doc.destroy();
  await dynamo?.close();
}
process.exit(failed ? 1 : 0);
