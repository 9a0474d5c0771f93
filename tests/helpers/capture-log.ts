import type { Logger } from "../../functions/core/logger.js";

/** A logger that keeps every line as JSON, so a test can check what was logged (and that no address was). */
export function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log: Logger = {
    info: (msg, f) => lines.push(JSON.stringify({ msg, ...f })),
    warn: (msg, f) => lines.push(JSON.stringify({ msg, ...f })),
    error: (msg, f) => lines.push(JSON.stringify({ msg, ...f })),
    child: () => log,
  };
  return { log, lines };
}
