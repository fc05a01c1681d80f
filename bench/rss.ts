/**
 * Peak resident memory while something runs: the main thread samples the
 * process's RSS (workers included: they are threads of this process) while the
 * workers compute. `process.resourceUsage().maxRSS` only ever rises, so it
 * cannot tell one run's peak from an earlier, larger one.
 */
export interface RssSampler {
  /** stop sampling; the highest RSS seen, in bytes */
  stop(): number;
}

export function sampleRss(intervalMs = 5): RssSampler {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const now = process.memoryUsage.rss();
    if (now > peak) peak = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** The process's peak RSS so far, in bytes (resourceUsage reports kilobytes). */
export function processPeakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Collect garbage first when node runs with --expose-gc, so runs start from similar heaps. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
