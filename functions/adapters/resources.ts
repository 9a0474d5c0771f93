/**
 * The one place that reads deployment configuration. In AWS, SST links pass values as
 * SST_RESOURCE_* variables, read through `Resource` from "sst"; locally the runtime sets
 * plain DABYL_* variables (or passes a Resources object directly). Read once, at cold start.
 */
import { Resource } from "sst";
import { defaults } from "../config/settings.js";
import { ConfigError } from "../core/errors.js";

export interface Resources {
  /** DynamoDB table name. */
  readonly tableName: string;
  /** Deployment stage ("dev", "prod", "local"); part of SNS topic names. */
  readonly stage: string;
  /** API key for admin routes; undefined disables them (401 always). */
  readonly adminApiKey: string | undefined;
  /** Origins the API allows cross-origin (DABYL_CORS_ORIGINS, comma-separated); ["*"] by default. */
  readonly corsOrigins: readonly string[];
  /** Requests per minute per client (DABYL_RATE_LIMIT_PER_MINUTE; 0 turns the limit off); 600 by default. */
  readonly rateLimitPerMinute: number;
  /**
   * The HMAC key for address hashes: the AddressHashKey secret in AWS (or DABYL_ADDRESS_HASH_KEY).
   * Undefined locally, where a key generated into the table serves (a table export then holds both).
   */
  readonly addressHashKey: string | undefined;
  /**
   * Where people reach the API (DABYL_PUBLIC_URL, e.g. https://dabyl.example.kz): feeds' and the page's
   * absolute links are built from it, never from the request's Host header. Undefined when not set.
   */
  readonly publicUrl: string | undefined;
  /** DABYL_LOG_LEVEL: pino's level names (trace, debug, info, warn, error, fatal, silent); info by default. */
  readonly logLevel: string;
  /** Days a headline is kept (DABYL_RETENTION_DAYS); 30 by default. */
  readonly retentionDays: number;
  /** Where alerts go: "sns" in AWS or with AWS credentials or AWS_ENDPOINT_URL_SNS, else "local" (DABYL_ALERTS forces one). */
  readonly alertSink: "sns" | "local";
  /** DABYL_SMS_COUNTRY_CODES as given (comma-separated calling codes); parsed by config/alerts.ts. */
  readonly smsCountryCodes: string | undefined;
  /**
   * The deployed poller functions' names (the Pollers link): POST /admin/poll starts them.
   * Undefined outside AWS, where the runtime runs the pollers itself.
   */
  readonly pollerFunctions: { readonly feeds: string; readonly fx: string } | undefined;
}

type Linked = {
  Table?: { name: string };
  App?: { stage: string };
  AdminApiKey?: { value: string };
  AddressHashKey?: { value: string };
  Pollers?: { feeds: string; fx: string };
};

function linked(): Linked {
  // Resource throws on unknown keys when nothing is linked; only touch it when SST set the variables.
  const hasSst = Object.keys(process.env).some(
    (k) => k.startsWith("SST_RESOURCE_") || k === "SST_RESOURCES_JSON" || k === "SST_KEY_FILE",
  );
  if (!hasSst) return {};
  const r = Resource as unknown as Linked;
  const pick = <K extends keyof Linked>(k: K): Linked[K] => {
    try {
      return r[k];
    } catch {
      return undefined;
    }
  };
  return {
    Table: pick("Table"),
    App: pick("App"),
    AdminApiKey: pick("AdminApiKey"),
    AddressHashKey: pick("AddressHashKey"),
    Pollers: pick("Pollers"),
  };
}

/** Reads the environment; call once at module scope of a handler or at local boot. */
export function readResources(env: NodeJS.ProcessEnv = process.env): Resources {
  const l = linked();
  return {
    tableName: l.Table?.name ?? env.DABYL_TABLE_NAME ?? "dabyl",
    stage: l.App?.stage ?? env.DABYL_STAGE ?? "local",
    adminApiKey: l.AdminApiKey?.value ?? env.DABYL_ADMIN_API_KEY ?? undefined,
    addressHashKey: l.AddressHashKey?.value || env.DABYL_ADDRESS_HASH_KEY || undefined,
    corsOrigins: (env.DABYL_CORS_ORIGINS ?? "*").split(",").map((o) => o.trim()).filter(Boolean),
    rateLimitPerMinute: rateLimit(env.DABYL_RATE_LIMIT_PER_MINUTE),
    publicUrl: publicUrl(env.DABYL_PUBLIC_URL),
    logLevel: env.DABYL_LOG_LEVEL || "info",
    retentionDays: positiveNumber("DABYL_RETENTION_DAYS", env.DABYL_RETENTION_DAYS, defaults.retentionDays),
    alertSink: alertSink(env),
    smsCountryCodes: env.DABYL_SMS_COUNTRY_CODES,
    pollerFunctions: l.Pollers?.feeds && l.Pollers.fx ? { feeds: l.Pollers.feeds, fx: l.Pollers.fx } : undefined,
  };
}

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
export function alertSink(env: NodeJS.ProcessEnv): "sns" | "local" {
  if (env.DABYL_ALERTS === "sns" || env.DABYL_ALERTS === "local") return env.DABYL_ALERTS;
  if (env.AWS_ENDPOINT_URL_SNS) return "sns";
  return CREDENTIAL_VARIABLES.some((name) => (env[name] ?? "") !== "") ? "sns" : "local";
}

// A typo must not quietly turn the limit off: only a whole number is read, and 0 is the one way to say "off".
function rateLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 600;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new ConfigError(
      `DABYL_RATE_LIMIT_PER_MINUTE must be a whole number of requests per minute per client (0 turns the limit off), got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** An absolute http(s) URL without query or fragment, and without a trailing slash so paths append. */
function publicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const bad = () =>
    new ConfigError(`DABYL_PUBLIC_URL must be an absolute http(s) URL such as https://dabyl.example.kz, got ${JSON.stringify(value)}`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw bad();
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash || url.username || url.password) throw bad();
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Settings of the local runtime (npm start / npm run demo). */
export interface LocalConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Path of a JSON sources file replacing the built-in sources, if set. */
  readonly sourcesFile: string | undefined;
  readonly feedPollMinutes: number;
  readonly retentionDays: number;
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(value)}`);
  return n;
}

export function readLocalConfig(
  env: NodeJS.ProcessEnv = process.env,
  fallback: { feedPollMinutes: number; retentionDays: number } = defaults,
): LocalConfig {
  // PORT=0 asks the system for any free port.
  const port = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir: env.DABYL_DATA_DIR ?? ".data",
    sourcesFile: env.DABYL_SOURCES_FILE || undefined,
    feedPollMinutes: positiveNumber("DABYL_FEED_POLL_MINUTES", env.DABYL_FEED_POLL_MINUTES, fallback.feedPollMinutes),
    retentionDays: positiveNumber("DABYL_RETENTION_DAYS", env.DABYL_RETENTION_DAYS, fallback.retentionDays),
  };
}

/** Settings of `npm run fx:backfill`. */
export interface BackfillConfig {
  /** DABYL_NBK_BASE_URL: the folder holding get_rates.cfm, when not the National Bank's own. */
  readonly nbkBaseUrl: string | undefined;
  /** The local runtime's data folder (DABYL_DATA_DIR, default .data). */
  readonly dataDir: string;
  /**
   * A DynamoDB table in AWS to write to instead of the local database: set only when both
   * DABYL_TABLE_NAME and AWS credentials (AWS_PROFILE or AWS_ACCESS_KEY_ID) are set.
   */
  readonly awsTableName: string | undefined;
}

export function readBackfillConfig(env: NodeJS.ProcessEnv = process.env): BackfillConfig {
  const toAws = Boolean(env.DABYL_TABLE_NAME && (env.AWS_PROFILE || env.AWS_ACCESS_KEY_ID));
  return {
    nbkBaseUrl: env.DABYL_NBK_BASE_URL || undefined,
    dataDir: env.DABYL_DATA_DIR ?? ".data",
    awsTableName: toAws ? env.DABYL_TABLE_NAME : undefined,
  };
}
