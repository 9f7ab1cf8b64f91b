import { describe, expect, it } from 'vitest';
import { competitorOf, normalizeCidr, parseRanges, truncateAddress } from './ip';

describe('CIDR ranges', () => {
  it('accepts IPv4 and IPv6 ranges in their network form and refuses anything else', () => {
    expect(normalizeCidr(' 201.141.5.7/16 ')).toBe('201.141.0.0/16');
    expect(normalizeCidr('2806:10a0:1234::/32')).toBe('2806:10a0::/32');
    for (const bad of ['201.141.0.0', '201.141.0.0/33', '10/8', '2806::/129', 'localhost/8', '300.1.1.1/24', '']) expect(normalizeCidr(bad), bad).toBeNull();
  });

  it('matches an address to the competitor whose range holds it, the narrowest first', () => {
    const ranges = parseRanges([
      { id: 1, ipRanges: ['201.141.0.0/16'] },
      { id: 2, ipRanges: ['201.141.20.0/24', '2806:10a0::/32'] },
    ]);
    expect(competitorOf('201.141.3.9', ranges)).toBe(1);
    expect(competitorOf('201.141.20.77', ranges)).toBe(2);
    expect(competitorOf('::ffff:201.141.20.77', ranges)).toBe(2);
    expect(competitorOf('2806:10a0:ffff::1', ranges)).toBe(2);
    expect(competitorOf('201.142.0.1', ranges)).toBeNull();
    expect(competitorOf('not an ip', ranges)).toBeNull();
  });
});

describe('truncation', () => {
  it('keeps /24 of IPv4 and /48 of IPv6, never the host', () => {
    expect(truncateAddress('203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateAddress('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateAddress('2001:db8:abcd:12:34:56:78:9a')).toBe('2001:db8:abcd::/48');
    expect(truncateAddress('garbage')).toBe('unknown');
  });
});
