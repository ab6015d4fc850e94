export interface Periodic {
  stop(): void;
}

/**
 * Runs `work` now and then every `intervalMs`, each run handed to `track` (so that stopping the bot
 * waits for it). A slow run is not overlapped by the next one: that tick is skipped.
 */
export function startPeriodic(
  work: () => Promise<void>,
  options: { intervalMs: number; track: (work: Promise<unknown>) => void },
): Periodic {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = work().finally(() => (running = undefined));
    options.track(running);
  };
  const timer = setInterval(run, options.intervalMs);
  run();
  return { stop: () => clearInterval(timer) };
}
