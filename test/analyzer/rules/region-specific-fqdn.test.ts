import assert from 'node:assert/strict';
import { regionSpecificFqdn } from '../../../src/analyzer/rules/region-specific-fqdn';
import { makeCtx, pair } from './rule-context';

describe('rule REGION_SPECIFIC_FQDN', () => {
  it('names the regions seen, on every Azure Backup log', () => {
    const pairs = [pair({ host: 'pod01-manag1.jpe.backup.windowsazure.com', geo: 'jpe' }, [[80, 'jpe line', 'tcp']]), pair({ host: 'pod01-manag1.jpw.backup.windowsazure.com', geo: 'jpw' }, [[90, 'jpw line', 'tcp']])];
    const region = { geoCodes: ['jpe', 'jpw'], regions: ['japaneast', 'japanwest'], displayNames: ['Japan East', 'Japan West'] };
    const out = regionSpecificFqdn.run(makeCtx({ pairs, region }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.params]), [['REGION_SPECIFIC_FQDN', 'info', { geoCodes: 'jpe, jpw', regions: 'Japan East, Japan West' }]]);
    assert.deepEqual(out[0]?.evidence.map((e) => e.line), [80, 90]);
    assert.equal(regionSpecificFqdn.run(makeCtx({ kind: 'linux-backup' })).length, 1, 'even with no geo code seen');
  });
  it('on Site Recovery logs only when a geo code was seen; never on unknown files', () => {
    assert.deepEqual(regionSpecificFqdn.run(makeCtx({ kind: 'windows-asr' })), []);
    assert.deepEqual(regionSpecificFqdn.run(makeCtx({ kind: 'unknown' })), []);
  });
});
