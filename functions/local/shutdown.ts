import type { Logger } from "../core/logger.js";
import type { Runtime } from "./runtime.js";

/**
 * Ctrl-C at any moment: waits for a boot still under way (a runtime half started would otherwise
 * keep dynalite's files open), stops the runtime, and always runs `onStop` (the demo's feed server)
 * even when stopping failed. Resolves to the process exit code: 0 when everything closed cleanly.
 */
export async function shutdown(boot: Promise<Runtime | undefined>, log: Logger, onStop?: () => Promise<void>): Promise<number> {
  let code = 0;
  try {
    // A boot that fails reports itself (main prints "could not start"); nothing is left to stop.
    const runtime = await boot.catch(() => undefined);
    await runtime?.stop();
  } catch (e) {
    log.error("stopping failed; the database was still closed", { err: (e as Error).message });
    code = 1;
  } finally {
    try {
      await onStop?.();
    } catch (e) {
      log.error("stopping the demo server failed", { err: (e as Error).message });
      code = 1;
    }
  }
  return code;
}
