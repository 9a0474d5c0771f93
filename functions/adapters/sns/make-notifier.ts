import { join } from "node:path";
import { SNSClient } from "@aws-sdk/client-sns";
import type { Logger } from "../../core/logger.js";
import { makeLocalSink } from "./local-sink.js";
import type { Notifier } from "./notifier.js";
import { makeSnsNotifier } from "./sns-notifier.js";

// Where the SDK's default chain finds credentials without a file: keys, SSO/profile, web identity, containers, Lambda.
const CREDENTIAL_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_PROFILE",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_LAMBDA_FUNCTION_NAME",
];

/** "sns" when AWS credentials or AWS_ENDPOINT_URL_SNS are set (or DABYL_ALERTS=sns), else "local". */
export function notifierKind(env: NodeJS.ProcessEnv): "sns" | "local" {
  if (env.DABYL_ALERTS === "sns" || env.DABYL_ALERTS === "local") return env.DABYL_ALERTS;
  if (env.AWS_ENDPOINT_URL_SNS) return "sns";
  return CREDENTIAL_VARIABLES.some((name) => (env[name] ?? "") !== "") ? "sns" : "local";
}

let sharedClient: SNSClient | undefined;

/**
 * The one place that decides where alerts go: SNS when the process can reach it, otherwise the
 * local sink (console plus <dataDir>/outbox.jsonl; no file when dataDir is null).
 */
export function makeNotifier(opts: { env?: NodeJS.ProcessEnv; dataDir: string | null; log: Logger }): Notifier {
  const env = opts.env ?? process.env;
  if (notifierKind(env) === "sns") {
    sharedClient ??= new SNSClient({});
    return makeSnsNotifier(sharedClient);
  }
  return makeLocalSink(opts.dataDir === null ? null : join(opts.dataDir, "outbox.jsonl"), opts.log);
}
