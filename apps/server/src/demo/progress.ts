import cliProgress from 'cli-progress';

export type Step = 'staff' | 'owners' | 'pets' | 'histories';

/** The seed's progress: one bar on stdout whose label names the current step, or nothing at all. */
export interface Progress {
  start(total: number): void;
  setTotal(total: number): void;
  tick(step: Step, amount?: number): void;
  stop(): void;
}

const silent: Progress = { start() {}, setTotal() {}, tick() {}, stop() {} };

export function createProgress(enabled: boolean): Progress {
  if (!enabled) return silent;
  const bar = new cliProgress.SingleBar(
    { format: '  {bar} {percentage}% | {step}', stream: process.stdout, hideCursor: true, barsize: 30, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    start(total) {
      bar.start(total, 0, { step: 'staff' });
      running = true;
    },
    setTotal(total) {
      bar.setTotal(total);
    },
    tick(step, amount = 1) {
      bar.increment(amount, { step });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
