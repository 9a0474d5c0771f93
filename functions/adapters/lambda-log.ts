import { ConfigError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

// The Lambda handlers' logger. pino (adapters/log.ts, the local runtime's) costs a Lambda about
// 20 ms of cold start to load and set up, a third of what the SDK clients cost; on Lambda, where
// a line goes to CloudWatch through stdout anyway, its speed buys nothing. These lines have the
// same shape as pino's as dabyl configures it: {"level":"info","time":ISO,...bindings,...fields,"msg"},
// with the same keys redacted, so log queries work on both.

const LEVELS: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
const REDACTED = new Set(["address", "email", "phone", "token", "manageToken"]);
// pino's paths: "manageToken" at the top level only; the others also one level down ("*.email").
const REDACTED_NESTED = new Set(["address", "email", "phone", "token"]);
const CENSOR = "[redacted]";

type Fields = Record<string, unknown>;

function redactOneLevel(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Error) return value;
  let copy: Fields | undefined;
  for (const key of Object.keys(value)) {
    if (REDACTED_NESTED.has(key)) {
      copy ??= { ...(value as Fields) };
      copy[key] = CENSOR;
    }
  }
  return copy ?? value;
}

/** A JSON line; Error values become { type, message, stack } (pino's err shape), cycles "[Circular]". */
function toLine(level: string, time: string, bindings: Fields, fields: Fields | undefined, msg: string): string {
  const record: Fields = { level, time };
  for (const source of [bindings, fields ?? {}]) {
    for (const [key, value] of Object.entries(source)) {
      record[key] = REDACTED.has(key) ? CENSOR : redactOneLevel(value);
    }
  }
  record.msg = msg;
  // The objects from the root down to the one being written: a value among them is a cycle, while
  // the same object reached twice side by side is not.
  const ancestors: object[] = [];
  return JSON.stringify(record, function (this: object, _key, value: unknown) {
    if (typeof value === "bigint") return value.toString();
    if (value === null || typeof value !== "object") return value;
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
    if (ancestors.includes(value)) return "[Circular]";
    ancestors.push(value);
    if (value instanceof Error) return { type: value.name, message: value.message, stack: value.stack };
    return value;
  });
}

export interface LambdaLoggerOptions {
  /** pino's level names; "silent" mutes. Default DABYL_LOG_LEVEL, else info. */
  readonly level?: string;
  /** Where lines go (one JSON object and a newline each); stdout by default. */
  readonly write?: (line: string) => void;
  /** The clock for "time"; the real one by default. */
  readonly now?: () => Date;
}

/** JSON lines on stdout, shaped and redacted like adapters/log.ts's pino logger, without loading pino. */
export function createLambdaLogger(options: LambdaLoggerOptions = {}): Logger {
  const levelName = options.level ?? process.env.DABYL_LOG_LEVEL ?? "info";
  const threshold = LEVELS[levelName];
  if (threshold === undefined) throw new ConfigError(`unknown log level "${levelName}"; use one of ${Object.keys(LEVELS).join(", ")}`);
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const now = options.now ?? (() => new Date());

  const make = (bindings: Fields): Logger => {
    const log = (level: "info" | "warn" | "error") => (msg: string, fields?: Fields) => {
      if (LEVELS[level]! < threshold) return;
      write(`${toLine(level, now().toISOString(), bindings, fields, msg)}\n`);
    };
    return { info: log("info"), warn: log("warn"), error: log("error"), child: (fields) => make({ ...bindings, ...fields }) };
  };
  return make({});
}
