import assert from 'node:assert/strict';
import {
  geoOfHost, isPrivateAddress, isPrivateLinkName, matchesNoProxy, matchesWindowsBypass, parseTarget, serviceOf,
} from '../../../src/analyzer/parse/hosts';

describe('hosts', () => {
  it('service of an endpoint (report-contract.md)', () => {
    assert.equal(serviceOf('pod01-manag1.jpe.backup.windowsazure.com'), 'azure-backup');
    assert.equal(serviceOf('pod01-rec2.jpe.backup.windowsazure.com'), 'file-recovery');
    assert.equal(serviceOf('jpewatcab01.blob.core.windows.net'), 'azure-storage');
    assert.equal(serviceOf('x.queue.core.windows.net'), 'azure-storage');
    assert.equal(serviceOf('md-abc.z33.blob.storage.azure.net'), 'azure-storage');
    assert.equal(serviceOf('login.microsoftonline.com'), 'entra-id');
    assert.equal(serviceOf('login.windows.net'), 'entra-id');
    assert.equal(serviceOf('pod01-srs1.jpe.hypervrecoverymanager.windowsazure.com'), 'site-recovery');
    assert.equal(serviceOf('www.example.com'), 'other');
  });
  it('geo code only from <geo>.backup.windowsazure.com (and privatelink zones)', () => {
    assert.equal(geoOfHost('pod01-manag1.jpe.backup.windowsazure.com'), 'jpe');
    assert.equal(geoOfHost('vault-ab-pod01-fc1.privatelink.JPW.backup.windowsazure.com'), 'jpw');
    assert.equal(geoOfHost('pod01-manag1.jper.backup.windowsazure.com'), 'jper');
    assert.equal(geoOfHost('jpewatcab01.blob.core.windows.net'), undefined);
    assert.equal(geoOfHost('pod01-manag1.zzz.backup.windowsazure.com'), undefined);
  });
  it('private addresses and privatelink names', () => {
    for (const a of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', 'fd00::1']) assert.ok(isPrivateAddress(a), a);
    for (const a of ['172.32.0.1', '20.1.2.3', '168.63.129.16', 'not-an-ip']) assert.ok(!isPrivateAddress(a), a);
    assert.ok(isPrivateLinkName('x.privatelink.jpe.backup.windowsazure.com'));
    assert.ok(isPrivateLinkName('acct.privatelink.blob.core.windows.net'));
    assert.ok(!isPrivateLinkName('ak.privatelink.msidentity.com'));
  });
  it('parseTarget', () => {
    assert.deepEqual(parseTarget('https://Login.Microsoft.com/'), { host: 'login.microsoft.com', scheme: 'https' });
    assert.deepEqual(parseTarget('\u201chost.example.com:8443\u201d'), { host: 'host.example.com', port: 8443 });
    assert.equal(parseTarget('-port'), undefined);
    assert.equal(parseTarget('443'), undefined);
  });
  it('bypass matching', () => {
    assert.ok(matchesWindowsBypass('*.backup.windowsazure.com', 'pod01-manag1.jpe.backup.windowsazure.com'));
    assert.ok(matchesWindowsBypass('<local>', 'intranet'));
    assert.ok(!matchesWindowsBypass('<local>', 'a.b'));
    assert.ok(matchesWindowsBypass('*blob*', 'x.blob.core.windows.net'));
    assert.ok(!matchesWindowsBypass('*.blob.core.windows.net', 'blob.core.windows.net.evil.com'));
    assert.ok(matchesNoProxy('.windows.net', 'x.blob.core.windows.net'));
    assert.ok(matchesNoProxy('core.windows.net', 'x.blob.core.windows.net'));
    assert.ok(!matchesNoProxy('windows.net', 'xwindows.net'));
  });
});
