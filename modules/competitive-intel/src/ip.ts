import ipaddr from 'ipaddr.js';

/** How much of a visitor's address is kept: the network, never the host. */
const KEPT_BITS = { ipv4: 24, ipv6: 48 } as const;

export type Range = { competitorId: number; network: [ipaddr.IPv4 | ipaddr.IPv6, number] };

/** A CIDR range as staff typed it, in its network form (`201.141.5.7/16` → `201.141.0.0/16`); null when it is not one. */
export function normalizeCidr(text: string): string | null {
  const value = text.trim();
  const valid = value.includes(':') ? ipaddr.IPv6.isValidCIDR(value) : ipaddr.IPv4.isValidCIDRFourPartDecimal(value);
  if (!valid) return null;
  const [address, bits] = ipaddr.parseCIDR(value);
  const network = address.kind() === 'ipv6' ? ipaddr.IPv6.networkAddressFromCIDR(value) : ipaddr.IPv4.networkAddressFromCIDR(value);
  return `${network.toString()}/${bits}`;
}

/** The address as it may be parsed (an IPv4 mapped into IPv6 is the IPv4); null for anything else. */
function parse(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  return ipaddr.isValid(ip) ? ipaddr.process(ip) : null;
}

/** The visitor's network: `203.0.113.0/24`, `2001:db8:1::/48`; the host part is dropped. */
export function truncateAddress(ip: string): string {
  const address = parse(ip);
  if (!address) return 'unknown';
  const bits = KEPT_BITS[address.kind()];
  const cidr = `${address.toString()}/${bits}`;
  const network = address.kind() === 'ipv6' ? ipaddr.IPv6.networkAddressFromCIDR(cidr) : ipaddr.IPv4.networkAddressFromCIDR(cidr);
  return `${network.toString()}/${bits}`;
}

/** The competitors' declared ranges, parsed once. */
export function parseRanges(competitors: { id: number; ipRanges: string[] }[]): Range[] {
  return competitors.flatMap((c) => c.ipRanges.filter((r) => normalizeCidr(r)).map((r) => ({ competitorId: c.id, network: ipaddr.parseCIDR(r) })));
}

/** The competitor whose declared range holds the full address (the longest prefix wins), or null. */
export function competitorOf(ip: string, ranges: Range[]): number | null {
  const address = parse(ip);
  if (!address) return null;
  let best: Range | null = null;
  for (const range of ranges) {
    if (range.network[0].kind() !== address.kind() || !address.match(range.network)) continue;
    if (!best || range.network[1] > best.network[1]) best = range;
  }
  return best?.competitorId ?? null;
}
