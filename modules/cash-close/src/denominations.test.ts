import { describe, expect, it } from 'vitest';
import { countedTotal } from './denominations';

describe('counting the drawer', () => {
  it('adds notes and coins exactly', () => {
    expect(countedTotal({})).toBe('0.00');
    expect(countedTotal({ '1000': 1, '500': 2, '20': 3, '0.50': 7 })).toBe('2063.50');
    // Ten 50-centavo coins are five pesos, not 4.999…
    expect(countedTotal({ '0.50': 10 })).toBe('5.00');
  });
});
