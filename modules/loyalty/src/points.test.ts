import { describe, expect, it } from 'vitest';
import { addMonths, pointsFor, pointsToTakeBack, takeFromLots, tierForSpend } from './points';

describe('points arithmetic', () => {
  it('is exact in decimals and rounds down to whole points', () => {
    // In floats 1.15 × 100 is 114.99999999999999, which would round down to 114.
    expect(pointsFor('1.15', '100', '1')).toBe(115);
    expect(pointsFor('100.10', '1', '1.25')).toBe(125);
    expect(pointsFor('0.99', '1', '2')).toBe(1);
    expect(pointsFor('999.99', '0.1', '1')).toBe(99);
  });

  it('partial refunds take back in proportion and add up to the whole', () => {
    const earning = { points: 1001, amount: '1000.00' };
    const first = pointsToTakeBack(earning, '333.33', 0);
    const second = pointsToTakeBack(earning, '666.66', first);
    const third = pointsToTakeBack(earning, '1000.00', first + second);
    expect([first, second, third]).toEqual([333, 334, 334]);
    expect(first + second + third).toBe(1001);
  });

  it('spends the lots that expire first, whatever order they were written in', () => {
    const lots = [
      { id: 1, expiresAt: '2027-06-01', remaining: 50 },
      { id: 2, expiresAt: '2027-01-15', remaining: 30 },
      { id: 3, expiresAt: '2027-03-01', remaining: 40 },
    ];
    expect(takeFromLots(lots, 60)).toEqual({
      uses: [
        { lotId: 2, points: 30 },
        { lotId: 3, points: 30 },
      ],
      short: 0,
    });
    expect(takeFromLots(lots, 130).short).toBe(10);
  });

  it('picks the highest tier a spend reaches and counts months to a real date', () => {
    const tiers = [
      { slug: 'gold', minLifetimeSpending: '15000.00' },
      { slug: 'bronze', minLifetimeSpending: '0.00' },
      { slug: 'silver', minLifetimeSpending: '5000.00' },
    ];
    expect(tierForSpend(tiers, '4999.99').slug).toBe('bronze');
    expect(tierForSpend(tiers, '5000.00').slug).toBe('silver');
    expect(tierForSpend(tiers, '90000').slug).toBe('gold');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-10', 12)).toBe('2027-03-10');
  });
});
