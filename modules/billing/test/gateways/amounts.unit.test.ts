import { money } from '@petfriendly/core';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits, toMinorUnits } from '../../src/payments/gateways';

describe('amounts in centavos', () => {
  it.each([
    ['0.01', 1],
    ['1', 100],
    ['199.99', 19999],
    ['1234.5', 123450],
    ['1234.50', 123450],
    ['100000', 10000000],
    ['10.100', 1010],
  ])('%s MXN is %i centavos and back', (pesos, centavos) => {
    expect(toMinorUnits(money(pesos), 'MXN')).toBe(centavos);
    expect(fromMinorUnits(centavos, 'MXN').equals(money(pesos))).toBe(true);
  });

  it('keeps exact decimals where floats would drift', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in decimal it is 30 centavos.
    expect(toMinorUnits(money('0.1').plus('0.2'), 'MXN')).toBe(30);
    expect(fromMinorUnits(19999, 'MXN').toFixed(2)).toBe('199.99');
  });

  it.each(['1.005', '0.001', '199.999', '1234.567'])('refuses %s: more than 2 decimals', (pesos) => {
    expect(() => toMinorUnits(money(pesos), 'MXN')).toThrow(/at most 2 decimals/);
  });

  it.each(['0', '-1', '-0.01'])('refuses %s: not positive', (pesos) => {
    expect(() => toMinorUnits(money(pesos), 'MXN')).toThrow(/greater than zero/);
  });

  it('refuses a non-number', () => {
    expect(() => toMinorUnits(money('NaN'), 'MXN')).toThrow(/not a number/);
    expect(() => toMinorUnits(money('Infinity'), 'MXN')).toThrow(/not a number/);
  });

  it('reports the refusal as a validation error on the field', () => {
    try {
      toMinorUnits(money('1.005'), 'MXN', 'amount');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'billing.invalid_amount', statusCode: 422, fields: [{ field: 'amount' }] });
    }
  });

  it('knows currencies without cents', () => {
    expect(toMinorUnits(money('500'), 'JPY')).toBe(500);
    expect(() => toMinorUnits(money('500.5'), 'JPY')).toThrow(/at most 0 decimals/);
    expect(fromMinorUnits(500, 'jpy').toString()).toBe('500');
  });
});
