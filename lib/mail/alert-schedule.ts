export interface AlertSchedule {
  stop(): Promise<void>;
}

/**
 * Runs the scheduled alerts (an SAE report gone overdue, the daily overdue-forms digest, a crossed
 * stopping boundary: lib/data/scheduled-alerts.ts) every `intervalMs`, one round at a time. Every message has a
 * unique key in the outbox, so running often costs a few queries and never mails twice; a round
 * that fails (database away) is logged once and the next one tries again.
 */
export function scheduleAlerts(options: {
  run: (now: Date) => Promise<{ overdueSaeReports: number; overdueFormDigests: number; stoppingBoundaries: number }>;
  intervalMs: number;
  log: (line: string) => void;
}): AlertSchedule {
  let running: Promise<void> | null = null;
  let lastError: string | null = null;
  const round = async () => {
    try {
      const report = await options.run(new Date());
      if (report.overdueSaeReports || report.overdueFormDigests || report.stoppingBoundaries) {
        options.log(
          `Alerts: ${report.overdueSaeReports} overdue SAE reports, ${report.overdueFormDigests} overdue-forms digests, ${report.stoppingBoundaries} crossed stopping boundaries queued.`,
        );
      }
      lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) options.log(`Scheduled alerts round failed (will retry): ${message}`);
      lastError = message;
    }
  };
  const tick = () => {
    running ??= round().finally(() => (running = null));
  };
  // The first round soon after start (an SAE may have gone overdue while the app was stopped).
  const first = setTimeout(tick, Math.min(options.intervalMs, 10_000));
  const timer = setInterval(tick, options.intervalMs);
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
