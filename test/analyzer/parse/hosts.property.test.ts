// The host checks take exact shortcuts (hosts.ts CASE_NOTE): a case-insensitive regular expression
// before lower-casing, a first-character test before parsing an address. These tests hold the
// facts the shortcuts rely on, and compare each function with its plain form on generated names.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  bypassMatcher, geoOfHost, isIPv4, isIPv6, isPrivateAddress, isPrivateLinkName, matchesNoProxy, matchesWindowsBypass, serviceOf,
} from '../../../src/analyzer/parse/hosts';
import type { Service } from '../../../src/analyzer/report';
import { regionForGeoCode } from '../../../src/analyzer/region/regions';

// The functions as they were before the shortcuts: lower-case first, then look.
function plainPrivateLinkName(name: string): boolean {
  const n = name.toLowerCase();
  const i = n.indexOf('privatelink.');
  if (i === -1) return false;
  const rest = n.slice(i + 'privatelink.'.length);
  if (rest.includes('msidentity.com')) return false;
  return ['backup.windowsazure.', 'blob.', 'queue.', 'siterecovery.windowsazure.', 'hypervrecoverymanager.'].some((m) => rest.includes(m));
}

function plainServiceOf(host: string): Service {
  const h = host.toLowerCase();
  if (h.includes('.hypervrecoverymanager.windowsazure.') || h.includes('.siterecovery.windowsazure.')) return 'site-recovery';
  for (const s of ['.backup.windowsazure.com', '.backup.windowsazure.us', '.backup.windowsazure.cn', '.backup.windowsazure.de']) {
    if (h.endsWith(s)) return h.slice(0, h.indexOf('.')).includes('-rec') ? 'file-recovery' : 'azure-backup';
  }
  for (const m of ['.blob.core.', '.queue.core.', '.table.core.', '.file.core.', '.blob.storage.azure.', '.dfs.core.']) if (h.includes(m)) return 'azure-storage';
  if (h.startsWith('login')) {
    const dot = h.indexOf('.');
    if (dot > 0) {
      const rest = h.slice(dot + 1);
      const domains = ['microsoftonline.com', 'microsoft.com', 'windows.net', 'microsoftonline.us', 'microsoftonline.de', 'chinacloudapi.cn', 'microsoftonline.cn', 'microsoftonline-p.com'];
      if (domains.some((d) => rest === d || rest.endsWith('.' + d))) return 'entra-id';
    }
  }
  return 'other';
}

function plainGeoOfHost(host: string): string | undefined {
  const h = host.toLowerCase();
  for (const s of ['.backup.windowsazure.com', '.backup.windowsazure.us', '.backup.windowsazure.cn', '.backup.windowsazure.de']) {
    if (!h.endsWith(s)) continue;
    const before = h.slice(0, h.length - s.length);
    const dot = before.lastIndexOf('.');
    if (dot === -1) return undefined;
    const label = before.slice(dot + 1);
    if (label.length === 0 || label.length > 8) return undefined;
    return regionForGeoCode(label) ? label : undefined;
  }
  return undefined;
}

function plainPrivateAddress(addr: string): boolean {
  if (isIPv4(addr)) {
    const [a, b] = addr.split('.').map(Number) as [number, number];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  const l = addr.toLowerCase();
  return isIPv6(l) && (l.startsWith('fc') || l.startsWith('fd'));
}

/** Strings made of the pieces that matter, in any case, with the characters that lower-case oddly. */
function pieces(list: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...list) },
    { weight: 2, arbitrary: fc.constantFrom('\u0130', '\u212a', '\u0131', '\u017f', 'K', 'I', '\u03a3', '\ud801\udc00', '\ud800') },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
  );
  const cased = fc.tuple(piece, fc.integer({ min: 0, max: 3 })).map(([p, c]) =>
    c === 0 ? p.toUpperCase() : c === 1 ? p.replace(/k/g, '\u212a') : c === 2 ? p.replace(/i/g, '\u0130') : p,
  );
  return fc.array(cased, { maxLength: 8 }).map((a) => a.join(''));
}

describe('hosts: exact shortcuts', () => {
  it('only U+0130 and U+212A lower-case to something with ASCII in it (all code points)', () => {
    const found: number[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (/[\u0000-\u007f]/.test(String.fromCodePoint(cp).toLowerCase())) found.push(cp);
    }
    assert.deepEqual(found, [0x130, 0x212a]);
    assert.equal('\u0130'.toLowerCase(), 'i\u0307');
  });

  it('a non-unicode case-insensitive expression folds no other code unit into ASCII', () => {
    const re = /[a-z0-9.-]/i;
    for (let u = 0x80; u <= 0xffff; u++) assert.equal(re.test(String.fromCharCode(u)), false, u.toString(16));
  });

  it('isPrivateLinkName equals its lower-case-first form', () => {
    const names = pieces(['privatelink.', 'privatelin', 'k.', 'x.', 'blob.', 'queue.', 'backup.windowsazure.', 'msidentity.com', 'siterecovery.windowsazure.', 'hypervrecoverymanager.', 'jpe.', 'com']);
    fc.assert(fc.property(names, (n) => isPrivateLinkName(n) === plainPrivateLinkName(n)), { numRuns: 3000 });
    for (const n of ['x.PRIVATELIN\u212a.blob.core.windows.net', 'x.privatelink.Bl\u0130b.core', 'x.pr\u0130vatelink.blob.core', 'ak.privatelink.msidentity.com']) {
      assert.equal(isPrivateLinkName(n), plainPrivateLinkName(n), n);
    }
    assert.equal(isPrivateLinkName('x.PRIVATELIN\u212a.blob.core.windows.net'), true);
  });

  it('serviceOf equals its lower-case-first form', () => {
    const hosts = pieces([
      'pod01-rec2', 'pod01-manag1', '-rec', 'x', '.', 'jpe.', 'backup.windowsazure.', 'com', 'us', 'cn', 'de', 'blob.', 'queue.', 'table.', 'file.',
      'dfs.', 'core.', 'storage.azure.', 'hypervrecoverymanager.windowsazure.', 'siterecovery.windowsazure.', 'login', 'microsoftonline.com', 'windows.net',
      // whole markers, so each is often present
      '.blob.core.', '.queue.core.', '.table.core.', '.file.core.', '.dfs.core.', '.blob.storage.azure.', '.backup.windowsazure.com',
      '.hypervrecoverymanager.windowsazure.', '.siterecovery.windowsazure.',
    ]);
    fc.assert(fc.property(hosts, (h) => serviceOf(h) === plainServiceOf(h)), { numRuns: 5000 });
    for (const h of ['POD01-REC2.jpe.BAC\u212aUP.windowsazure.com', 'pod01-manag1.x-rec.backup.windowsazure.com', 'a.BLOB.core.windows.net', 'LOGIN.microsoftonline.com', 'x.siterecovery.windowsazure.com']) {
      assert.equal(serviceOf(h), plainServiceOf(h), h);
    }
    assert.equal(serviceOf('POD01-REC2.jpe.BAC\u212aUP.windowsazure.com'), 'file-recovery');
    assert.equal(serviceOf('pod01-manag1.x-rec.backup.windowsazure.com'), 'azure-backup');
  });

  it('geoOfHost equals its lower-case-first form', () => {
    const hosts = pieces(['pod01-manag1.', 'jpe', 'JPW', 'jper', 'zzz', '.', 'backup.windowsazure.', 'com', 'us', 'cn', 'de', 'privatelink.', 'bac', 'kup']);
    fc.assert(fc.property(hosts, (h) => geoOfHost(h) === plainGeoOfHost(h)), { numRuns: 3000 });
    assert.equal(geoOfHost('pod01-manag1.jpe.BAC\u212aUP.windowsazure.com'), 'jpe');
  });

  it('isPrivateAddress equals its plain form', () => {
    const addrs = pieces(['10', '010', '172', '16', '31', '32', '192', '168', '1', '2', '255', '256', '.', ':', 'fc', 'FD', 'fe80', '::1', '%eth0']);
    fc.assert(fc.property(addrs, (a) => isPrivateAddress(a) === plainPrivateAddress(a)), { numRuns: 3000 });
    const octet = fc.integer({ min: 0, max: 255 }).chain((n) => fc.constantFrom(String(n), String(n).padStart(3, '0')));
    const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
    fc.assert(fc.property(v4, (a) => isPrivateAddress(a) === plainPrivateAddress(a)), { numRuns: 3000 });
    assert.equal(isPrivateAddress('010.1.2.3'), true);
  });

  it('bypassMatcher equals asking every entry (Windows bypass lists and no_proxy)', () => {
    const entry = fc.oneof(
      fc.constantFrom('<local>', '<LOCAL>', '*', '*.', '.', '', ' ', '*.blob.core.windows.net', '*blob*', '*.BACKUP.windowsazure.com', '10.*', 'intranet',
        '.windows.net', 'core.windows.net', '*.windows.net', 'x.blob.core.windows.net', ' Intranet\t', '**', 'a*b*c', '*.net*'),
      pieces(['*', '.', 'blob', 'core', 'windows', 'net', 'x', '<local>']),
    );
    const host = fc.oneof(
      fc.constantFrom('intranet', 'x.blob.core.windows.net', 'pod01-manag1.jpe.backup.windowsazure.com', 'windows.net', 'xwindows.net', '10.1.2.3', 'abc', 'X.Blob.Core.Windows.Net'),
      pieces(['x', '.', 'blob', 'core', 'windows', 'net', 'a', 'b', 'c']),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(host, { minLength: 1, maxLength: 5 }), (entries, hosts) => {
        const windows = bypassMatcher(entries, 'windows');
        const noProxy = bypassMatcher(entries, 'no-proxy');
        for (const h of hosts) {
          assert.equal(windows(h), entries.some((e) => matchesWindowsBypass(e, h)), `windows ${JSON.stringify(entries)} ${h}`);
          assert.equal(noProxy(h), entries.some((e) => matchesNoProxy(e, h)), `no_proxy ${JSON.stringify(entries)} ${h}`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
