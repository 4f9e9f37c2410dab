import { strict as assert } from 'node:assert';
import { hostMatches, isLoopbackAddress, isNonPublicAddress, parseHostPattern, parseHostPatterns } from '../../src/net/address-policy';

describe('net/address-policy', () => {
  it('matches exact hosts and *.suffix patterns, case-insensitively, never the bare suffix', () => {
    const p = parseHostPatterns('*.sharepoint.com, smba.trafficmanager.net ,');
    assert.equal(p.length, 2);
    assert.ok(hostMatches('contoso.sharepoint.com', undefined, p));
    assert.ok(hostMatches('a.b.SharePoint.com.', undefined, p));
    assert.ok(hostMatches('SMBA.trafficmanager.net', undefined, p));
    assert.ok(!hostMatches('sharepoint.com', undefined, p));
    assert.ok(!hostMatches('evilsharepoint.com', undefined, p));
    assert.ok(!hostMatches('sharepoint.com.evil.net', undefined, p));
    assert.ok(!hostMatches('evil-smba.trafficmanager.net', undefined, p));
    assert.ok(!hostMatches('smba.trafficmanager.net.evil.com', undefined, p));
  });

  it('a pattern without a port only matches the default port; with a port, only that port', () => {
    const p = parseHostPatterns(['files.contoso.com', 'other.contoso.com:8443']);
    assert.ok(hostMatches('files.contoso.com', undefined, p));
    assert.ok(!hostMatches('files.contoso.com', 444, p));
    assert.ok(hostMatches('other.contoso.com', 8443, p));
    assert.ok(!hostMatches('other.contoso.com', undefined, p));
  });

  it('rejects malformed patterns', () => {
    for (const bad of ['', '*', '*.', 'a*.b.com', 'host:99999', 'host:abc', 'a/b']) {
      assert.equal(parseHostPattern(bad), undefined, bad);
    }
    assert.deepEqual(parseHostPattern('[::1]:8080'), { host: '::1', wildcard: false, port: 8080 });
  });

  it('classifies non-public addresses, including IPv4 embedded in IPv6', () => {
    for (const a of [
      '127.0.0.1', '10.2.3.4', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
      '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::5', 'ff02::1',
      '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '64:ff9b::10.0.0.1', '2002:a00:1::1',
      'fe80::1%eth0', 'not-an-ip',
    ]) {
      assert.ok(isNonPublicAddress(a), a);
    }
    for (const a of ['13.107.6.152', '52.112.0.1', '2603:1036::1', '::ffff:52.112.0.1', '64:ff9b::3470:1', '172.32.0.1']) {
      assert.ok(!isNonPublicAddress(a), a);
    }
  });

  it('recognizes loopback addresses', () => {
    assert.ok(isLoopbackAddress('127.0.0.1'));
    assert.ok(isLoopbackAddress('127.8.9.1'));
    assert.ok(isLoopbackAddress('::1'));
    assert.ok(isLoopbackAddress('[::1]'));
    assert.ok(isLoopbackAddress('::ffff:127.0.0.1'));
    assert.ok(!isLoopbackAddress('10.0.0.1'));
    assert.ok(!isLoopbackAddress('::2'));
  });
});
