// Which hosts and addresses an outbound fetch may reach. Shared by the download path and the
// serviceUrl policy: exact or `*.suffix` host patterns, and a block list of every non-public
// address range (so an allow-listed name that resolves to 10.x or 127.x is still refused).
import { BlockList, isIP } from 'node:net';

/** Lower-cased host without a trailing dot or IPv6 brackets. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  while (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/**
 * A host pattern is an exact host (`smba.trafficmanager.net`, `127.0.0.1`) or `*.suffix`, which
 * matches one or more labels before the suffix (`contoso.sharepoint.com`,
 * `a.b.sharepoint.com`) but not the bare suffix. A pattern may end in `:port`; then the URL
 * must use exactly that port.
 */
export interface HostPattern {
  host: string;
  wildcard: boolean;
  port?: number;
}

export function parseHostPattern(pattern: string): HostPattern | undefined {
  let p = pattern.trim().toLowerCase();
  if (p === '') return undefined;
  let port: number | undefined;
  // `host:port`, but not a bare IPv6 literal (more than one colon) unless bracketed.
  const lastColon = p.lastIndexOf(':');
  const bracketed = p.startsWith('[');
  if (lastColon > 0 && (bracketed ? p.indexOf(']') < lastColon : p.indexOf(':') === lastColon)) {
    const portText = p.slice(lastColon + 1);
    const n = Number(portText);
    if (!/^[0-9]{1,5}$/.test(portText) || n < 1 || n > 65535) return undefined;
    port = n;
    p = p.slice(0, lastColon);
  }
  const wildcard = p.startsWith('*.');
  const host = normalizeHost(wildcard ? p.slice(2) : p);
  if (host === '' || host.includes('*') || host.includes('/')) return undefined;
  return port === undefined ? { host, wildcard } : { host, wildcard, port };
}

export function parseHostPatterns(patterns: readonly string[] | string): HostPattern[] {
  const list = typeof patterns === 'string' ? patterns.split(',') : patterns;
  const out: HostPattern[] = [];
  for (const item of list) {
    const parsed = parseHostPattern(item);
    if (parsed) out.push(parsed);
  }
  return out;
}

/**
 * `port` is the URL's explicit port, or undefined for the scheme's default; a pattern without
 * a port only matches default-port URLs.
 */
export function hostMatches(host: string, port: number | undefined, patterns: readonly HostPattern[]): boolean {
  const h = normalizeHost(host);
  for (const p of patterns) {
    if (p.port !== port) continue;
    if (p.wildcard ? h.length > p.host.length + 1 && h.endsWith('.' + p.host) : h === p.host) return true;
  }
  return false;
}

/** The URL's port when it is not the scheme default (URL already blanks default ports). */
export function explicitPort(url: URL): number | undefined {
  return url.port === '' ? undefined : Number(url.port);
}

const blocked = new BlockList();
// IPv4: this-network, private, CGNAT, loopback, link-local (incl. cloud metadata 169.254.169.254),
// IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
// IPv6: unspecified, loopback, discard, ULA, link-local, site-local, multicast, documentation,
// local-use NAT64. (IPv4-mapped addresses are checked against the IPv4 rules by BlockList.)
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['100::', 64], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10],
  ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b:1::', 48],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** Expands an IPv6 literal to 8 16-bit groups; undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  let a = address;
  const pct = a.indexOf('%');
  if (pct >= 0) a = a.slice(0, pct);
  // Dotted IPv4 tail (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`): rewrite it as two hex groups.
  const lastColon = a.lastIndexOf(':');
  const last = a.slice(lastColon + 1);
  if (last.includes('.')) {
    if (isIP(last) !== 4) return undefined;
    const o = last.split('.').map(Number) as [number, number, number, number];
    a = `${a.slice(0, lastColon + 1)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const parts = a.split('::');
  if (parts.length > 2) return undefined;
  const head = parts[0] ? parts[0].split(':') : [];
  const rest = parts.length === 2 && parts[1] ? parts[1].split(':') : [];
  const fill = parts.length === 2 ? 8 - head.length - rest.length : 0;
  if (fill < 0) return undefined;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...rest].map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return undefined;
  return groups;
}

/** The IPv4 address embedded in a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  if (!g) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return undefined;
}

/** True for any address that is not a public unicast address. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const bare = address.includes('%') ? address.slice(0, address.indexOf('%')) : address;
    if (blocked.check(bare, 'ipv6')) return true;
    const v4 = embeddedIpv4(bare);
    return v4 !== undefined && blocked.check(v4, 'ipv4');
  }
  return true; // not an address at all: refuse
}

export function isLoopbackAddress(address: string): boolean {
  const a = normalizeHost(address);
  if (isIP(a) === 4) return a.startsWith('127.');
  if (isIP(a) === 6) {
    const g = ipv6Groups(a);
    if (!g) return false;
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true;
    // ::ffff:127.x.y.z
    return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff && g[6]! >> 8 === 127;
  }
  return false;
}

export function isIpLiteral(host: string): boolean {
  return isIP(normalizeHost(host)) !== 0;
}
