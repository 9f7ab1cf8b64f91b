import { describe, expect, it } from 'vitest';
import { market, outsideMargin } from './market';

describe('market figures', () => {
  it('takes min, median and max, the median of an even count halfway (centavos, half up)', () => {
    expect(market('450.00', ['500.00', '380.00', '420.00'])).toEqual({ min: '380.00', median: '420.00', max: '500.00', positionPercent: '+7.1' });
    expect(market('400.00', ['380.00', '420.01', '500.00', '399.99'])).toMatchObject({ median: '410.00', positionPercent: '-2.4' });
    expect(market('410.00', ['400.00', '420.00'])?.positionPercent).toBe('0.0');
    expect(market(null, ['400.00'])?.positionPercent).toBeNull();
    expect(market('400.00', [])).toBeNull();
  });

  it('is exact where floats are not', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004: the median of these is 0.15 exactly, rounded half up to 0.15.
    expect(market('0.30', ['0.10', '0.20'])).toMatchObject({ median: '0.15', positionPercent: '+100.0' });
  });

  it('flags prices outside the margin', () => {
    expect(outsideMargin('+10.1', 10)).toBe('over');
    expect(outsideMargin('+10.0', 10)).toBeNull();
    expect(outsideMargin('-15.0', 10)).toBe('under');
    expect(outsideMargin(null, 10)).toBeNull();
  });
});
