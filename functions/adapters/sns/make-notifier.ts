import { join } from "node:path";
import { SNSClient } from "@aws-sdk/client-sns";
import type { Logger } from "../../core/logger.js";
import { makeLocalSink } from "./local-sink.js";
import type { Notifier } from "./notifier.js";
import { makeSnsNotifier } from "./sns-notifier.js";

// Created on first need, then shared: a process that only writes the local outbox never builds it.
let sharedClient: SNSClient | undefined;

/**
 * The one place that builds the notifier resources.ts chose (Resources.alertSink): SNS, or the
 * local sink (console plus <dataDir>/outbox.jsonl; no file when dataDir is null).
 */
export function makeNotifier(opts: { sink: "sns" | "local"; dataDir: string | null; log: Logger }): Notifier {
  if (opts.sink === "sns") {
    sharedClient ??= new SNSClient({});
    return makeSnsNotifier(sharedClient);
  }
  return makeLocalSink(opts.dataDir === null ? null : join(opts.dataDir, "outbox.jsonl"), opts.log);
}
