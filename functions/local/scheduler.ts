export interface Scheduled {
  /** Runs the task now unless a run is in flight; resolves when that run ends. */
  runNow(): Promise<void>;
  /** Stops future runs and waits for the one in flight. */
  stop(): Promise<void>;
}

/**
 * Runs `task` once at start and then every `intervalMs`, never two at once: the local
 * stand-in for EventBridge Scheduler. Failures are reported, never thrown.
 */
export function schedule(task: () => Promise<unknown>, intervalMs: number, onError: (e: unknown) => void): Scheduled {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (stopped) return Promise.resolve();
    running ??= task()
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  void run();
  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
