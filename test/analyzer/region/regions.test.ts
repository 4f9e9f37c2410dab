import assert from 'node:assert/strict';
import { findRegion, listRegions, requiredEndpointsForRegion } from '../../../src/analyzer/region/regions';

describe('regions', () => {
  it('lists every primary region once, with unique geo codes', () => {
    const all = listRegions();
    assert.ok(all.length >= 90);
    assert.equal(new Set(all.map((r) => r.geo)).size, all.length);
    assert.equal(new Set(all.map((r) => r.id)).size, all.length);
  });
  it('finds a region by ARM id, geo code, display name (any case/spacing) and Japanese name', () => {
    for (const q of ['japaneast', 'jpe', 'JPE', 'Japan East', ' japan  east ', 'JAPAN-EAST', '東日本', 'ｊｐｅ']) {
      assert.equal(findRegion(q)?.id, 'japaneast', q);
    }
    assert.equal(findRegion('西日本')?.geo, 'jpw');
    assert.equal(findRegion('eus')?.displayName, 'East US');
    assert.equal(findRegion('eus2')?.id, 'eastus2');
    assert.equal(findRegion('nowhere'), undefined);
    assert.equal(findRegion(''), undefined);
  });
  it('paired codes map to their region', () => {
    const r = findRegion('jper');
    assert.equal(r?.id, 'japanwest');
    assert.equal(r?.pairedCode, 'jper');
  });
  it('required endpoints for a public region', () => {
    const eps = requiredEndpointsForRegion(findRegion('jpe')!);
    const keys = eps.map((e) => `${e.host}:${e.port}:${e.purpose}`);
    for (const k of [
      'pod01-manag1.jpe.backup.windowsazure.com:443:azure-backup',
      'pod01-prot1.jpe.backup.windowsazure.com:443:azure-backup',
      'pod01-rec2.jpe.backup.windowsazure.com:443:file-recovery',
      'pod01-rec2.jpe.backup.windowsazure.com:3260:file-recovery',
      '*.blob.core.windows.net:443:azure-storage',
      '*.queue.core.windows.net:443:azure-storage',
      '*.blob.storage.azure.net:443:azure-storage',
      'login.microsoft.com:443:entra-id',
      'login.microsoftonline.com:443:entra-id',
      'login.windows.net:443:entra-id',
    ]) assert.ok(keys.includes(k), k);
    assert.ok(eps.every((e) => e.note === undefined));
  });
  it('sovereign clouds use their suffixes, with a note', () => {
    const gov = requiredEndpointsForRegion(findRegion('usgovvirginia')!);
    assert.ok(gov.some((e) => e.host === 'pod01-manag1.ugv.backup.windowsazure.us'));
    assert.ok(gov.some((e) => e.host === 'login.microsoftonline.us'));
    assert.ok(gov.every((e) => e.note === 'sovereign-cloud'));
    const cn = requiredEndpointsForRegion(findRegion('China North 2')!);
    assert.ok(cn.some((e) => e.host === 'pod01-manag1.bjb2.backup.windowsazure.cn'));
  });
});
