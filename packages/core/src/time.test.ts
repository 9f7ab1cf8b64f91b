import { describe, expect, it } from 'vitest';
import { fixedClock, pinnable, pinnedNow, runAsOf, systemClock } from './time';

describe('runAsOf', () => {
  it('pins every pinnable clock inside, across awaits, and leaves them alone outside', async () => {
    const base = fixedClock('2026-03-10T16:00:00Z');
    const clock = pinnable(base);
    const system = pinnable(systemClock);
    expect(pinnedNow()).toBeNull();
    const inside = await runAsOf('2025-01-15T17:30:00Z', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return [clock.now().toISOString(), system.now().toISOString(), (await Promise.resolve(pinnedNow()))?.toISOString()];
    });
    expect(inside).toEqual(['2025-01-15T17:30:00.000Z', '2025-01-15T17:30:00.000Z', '2025-01-15T17:30:00.000Z']);
    expect(clock.now().toISOString()).toBe('2026-03-10T16:00:00.000Z');
    base.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-10T16:01:00.000Z');
    expect(Math.abs(system.now().getTime() - Date.now())).toBeLessThan(1_000);
    expect(pinnedNow()).toBeNull();
  });

  it('keeps concurrent runs apart, and the innermost wins', async () => {
    const clock = pinnable(systemClock);
    const seen = await Promise.all(
      ['2024-05-01T12:00:00Z', '2025-06-02T12:00:00Z'].map((at) =>
        runAsOf(at, async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          const nested = await runAsOf('2020-01-01T00:00:00Z', async () => clock.now().toISOString());
          return [clock.now().toISOString(), nested];
        }),
      ),
    );
    expect(seen).toEqual([
      ['2024-05-01T12:00:00.000Z', '2020-01-01T00:00:00.000Z'],
      ['2025-06-02T12:00:00.000Z', '2020-01-01T00:00:00.000Z'],
    ]);
  });
});
