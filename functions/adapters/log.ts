import pino from "pino";
import type { Logger } from "../core/logger.js";

function wrap(p: pino.Logger): Logger {
  return {
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
    child: (fields) => wrap(p.child(fields)),
  };
}

/** JSON lines on stdout at a pino level (Resources.logLevel: DABYL_LOG_LEVEL, info by default, "silent" to mute). */
export function createLogger(level: string): Logger {
  return wrap(
    pino({
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Defence in depth: whatever a caller passes, these keys never reach a log line.
      redact: { paths: ["address", "email", "phone", "token", "manageToken", "*.address", "*.email", "*.phone", "*.token"], censor: "[redacted]" },
    }),
  );
}
