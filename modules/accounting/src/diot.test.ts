import { describe, expect, it } from 'vitest';
import { buildDiot, type DiotPayment } from './diot';

const national = (rfc: string, rest: Partial<DiotPayment> = {}): DiotPayment => ({ tipoTercero: '04', tipoOperacion: '85', rfc, ...rest });

describe('the DIOT (A-29 batch file)', () => {
  it('adds each supplier’s payments per operation into one line of 24 pipe-delimited fields, in whole pesos', () => {
    const { lines, txt } = buildDiot([
      national('AAA010101AAA', { base16: '1000.40', ivaPaid: '160.06' }),
      national('AAA010101AAA', { base16: '500.20', exempt: '99.50', ivaPaid: '80.03' }),
      national('BBB020202BB1', { tipoOperacion: '06', base8: '2000.00', ivaPaid: '160.00', ivaWithheld: '106.67' }),
      {
        tipoTercero: '05',
        tipoOperacion: '85',
        rfc: null,
        foreign: { taxId: 'US-99-123', name: 'VetSupply Inc', country: 'US', nationality: 'Estadounidense' },
        base0: '300.00',
      },
    ]);
    const records = txt.split('\r\n').filter(Boolean);
    expect(records).toHaveLength(3);
    expect(records.every((r) => r.split('|').length === 24)).toBe(true);
    // Sorted by kind of supplier, operation and RFC: the lease (06) before the others (85).
    expect(records[0]!.split('|').filter(Boolean)).toEqual(['04', '06', 'BBB020202BB1', '2000', '107']);
    expect(records[0]!.split('|')[12]).toBe('2000');
    expect(records[1]!.split('|')).toEqual([
      '04',
      '85',
      'AAA010101AAA',
      '',
      '',
      '',
      '',
      '1501',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '100',
      '',
      '',
    ]);
    expect(records[2]!.split('|').slice(0, 7)).toEqual(['05', '85', '', 'US-99-123', 'VetSupply Inc', 'US', 'Estadounidense']);
    expect(records[2]!.split('|')[20]).toBe('300');
    expect(lines[1]).toMatchObject({ rfc: 'AAA010101AAA', base16: '1500.60', exempt: '99.50', ivaPaid: '240.09' });
  });

  it('refuses a national supplier without an RFC, naming the payment', () => {
    expect(() => buildDiot([national('AAA010101AAA'), { tipoTercero: '04', tipoOperacion: '85', rfc: null }])).toThrow(/payments\.1\.rfc/);
  });

  it('is empty for a month without supplier payments', () => {
    expect(buildDiot([])).toEqual({ lines: [], txt: '' });
  });
});
