import { Logger as PowertoolsLogger } from "@aws-lambda-powertools/logger";
import { ConfigError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

// The Lambda handlers' logger: Powertools for AWS Lambda's, the library made for Lambda's JSON logs
// (about 7 ms of cold start here against pino's 14). DABYL_LOG_LEVEL keeps pino's level names,
// which the local runtime's pino logger (adapters/log.ts) takes too.
const LEVELS = { trace: "TRACE", debug: "DEBUG", info: "INFO", warn: "WARN", error: "ERROR", fatal: "CRITICAL", silent: "SILENT" } as const;

// Powertools has no redact option. dabyl never passes these keys, so this is defence in depth,
// on the same keys as pino's redact in adapters/log.ts: at the top level, and one level down.
const REDACTED = new Set(["address", "email", "phone", "token", "manageToken"]);
const REDACTED_NESTED = new Set(["address", "email", "phone", "token"]);
const CENSOR = "[redacted]";

type Fields = Record<string, unknown>;

function redactKeys(fields: Fields, keys: ReadonlySet<string>, deeper: boolean): Fields {
  let copy: Fields | undefined;
  for (const [key, value] of Object.entries(fields)) {
    let next = value;
    if (keys.has(key)) next = CENSOR;
    else if (deeper && value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Error)) {
      next = redactKeys(value as Fields, REDACTED_NESTED, false);
    }
    if (next !== value) (copy ??= { ...fields })[key] = next;
  }
  return copy ?? fields;
}

const redact = (fields: Fields): Fields => redactKeys(fields, REDACTED, true);

function wrap(p: PowertoolsLogger): Logger {
  return {
    info: (msg, fields) => (fields ? p.info(msg, redact(fields)) : p.info(msg)),
    warn: (msg, fields) => (fields ? p.warn(msg, redact(fields)) : p.warn(msg)),
    error: (msg, fields) => (fields ? p.error(msg, redact(fields)) : p.error(msg)),
    child: (fields) => wrap(p.createChild({ persistentKeys: redact(fields) })),
  };
}

/**
 * JSON lines in Powertools' shape ({ level, message, timestamp, service, ...keys }) for CloudWatch.
 * `level` is a pino level name (Resources.logLevel); an unknown one stops the cold start.
 */
export function createPowertoolsLogger(level: string, serviceName = "dabyl"): Logger {
  if (!Object.hasOwn(LEVELS, level)) throw new ConfigError(`unknown log level "${level}"; use one of ${Object.keys(LEVELS).join(", ")}`);
  return wrap(new PowertoolsLogger({ serviceName, logLevel: LEVELS[level as keyof typeof LEVELS] }));
}
