import assert from 'node:assert/strict';
import { LANGS } from '../../src/i18n/lang';
import {
  CHECK_IDS,
  TERM_CATALOGUES,
  checkName,
  contextName,
  contextUsage,
  dnsStateLabel,
  encodingLabel,
  formatFirstComplete,
  httpStateLabel,
  joinList,
  logKindLabel,
  overallLabel,
  overallSummary,
  serviceName,
  severityLabel,
  splitIds,
  tcpStateLabel,
  tlsStateLabel,
  verdictLabel,
} from '../../src/i18n/terms';
import { assertCatalogueComplete, politeSentenceProblems } from './catalogue-check';

// Product names, commands and registry names read the same in both languages.
const SAME_IN_BOTH: Record<string, true | readonly string[]> = {
  SERVICE_NAMES: ['azure-backup', 'azure-storage', 'entra-id', 'site-recovery'],
  CONTEXT_NAMES: ['system', 'workload-plugin', 'winhttp'],
  ENCODING_LABELS: true,
};

describe('i18n/terms', () => {
  for (const [name, catalogue] of Object.entries(TERM_CATALOGUES)) {
    it(`${name}: both languages, same placeholders, Microsoft Japanese style`, () => {
      const allowIdentical = SAME_IN_BOTH[name];
      assertCatalogueComplete(catalogue, allowIdentical ? { allowIdentical } : {});
    });
  }

  it('uses the product names support engineers use', () => {
    assert.equal(serviceName('azure-backup', 'ja'), 'Azure Backup');
    assert.equal(serviceName('entra-id', 'en'), 'Microsoft Entra ID');
    assert.equal(serviceName('azure-storage', 'ja'), 'Azure Storage');
    assert.equal(serviceName('file-recovery', 'ja'), 'ファイルの回復 (iSCSI)');
    assert.equal(serviceName('file-recovery', 'en'), 'File recovery (iSCSI)');
    assert.equal(contextName('current-user', 'ja'), '現在のユーザー (WinInet)');
    assert.ok(contextName('system', 'ja').startsWith('NT AUTHORITY\\SYSTEM (WinInet)'));
    assert.ok(contextUsage('system', 'ja').includes('MARS エージェント'));
  });

  it('has a name for every check id and a usage line for every proxy context', () => {
    for (const id of CHECK_IDS) for (const lang of LANGS) assert.notEqual(checkName(id, lang), id);
    for (const id of ['current-user', 'system', 'workload-plugin', 'winhttp', 'env-http', 'env-https', 'asr-config']) {
      assert.deepEqual(politeSentenceProblems(contextUsage(id, 'ja')), [], id);
    }
  });

  it('returns unknown ids as they are, and is safe against prototype names', () => {
    assert.equal(serviceName('new-service', 'ja'), 'new-service');
    assert.equal(contextName('constructor', 'en'), 'constructor');
    assert.equal(checkName('__proto__', 'ja'), '__proto__');
    assert.equal(contextUsage('toString', 'en'), '');
  });

  it('labels every state in both languages', () => {
    for (const lang of LANGS) {
      for (const v of ['ok', 'failed', 'inconclusive'] as const) assert.ok(verdictLabel(v, lang));
      for (const o of ['ok', 'action-required', 'inconclusive'] as const) {
        assert.ok(overallLabel(o, lang));
        assert.ok(overallSummary(o, lang).length > overallLabel(o, lang).length);
      }
      for (const s of ['enabled', 'disabled', 'os-default', 'unknown'] as const) assert.ok(tlsStateLabel(s, lang));
      for (const s of ['error', 'warning', 'info'] as const) assert.ok(severityLabel(s, lang));
      for (const s of ['resolved', 'failed', 'unknown'] as const) assert.ok(dnsStateLabel(s, lang));
      for (const s of ['ok', 'failed', 'not-tested'] as const) assert.ok(tcpStateLabel(s, lang));
      for (const s of ['ok', 'failed', 'inconclusive', 'not-tested'] as const) assert.ok(httpStateLabel(s, lang));
      for (const k of ['windows-backup', 'linux-backup', 'windows-asr', 'linux-asr', 'unknown'] as const) {
        assert.ok(logKindLabel(k, lang));
      }
      assert.ok(encodingLabel('utf-8-bom', lang).includes('BOM'));
    }
    for (const o of ['ok', 'action-required', 'inconclusive'] as const) {
      assert.deepEqual(politeSentenceProblems(overallSummary(o, 'ja')), [], o);
    }
  });

  it('joins lists the way each language does', () => {
    assert.equal(joinList(['a', 'b'], 'ja'), 'a、b');
    assert.equal(joinList(['a', 'b'], 'en'), 'a, b');
    assert.deepEqual(splitIds(' system, ,workload-plugin '), ['system', 'workload-plugin']);
    assert.deepEqual(splitIds(undefined), []);
  });

  it('formatFirstComplete picks the first candidate whose placeholders all have values', () => {
    const withHosts = { ja: '{hosts} に失敗しました。', en: '{hosts} failed.' };
    const generic = { ja: '失敗しました。', en: 'It failed.' };
    assert.equal(formatFirstComplete([withHosts, generic], 'en', { hosts: 'a, b' }), 'a, b failed.');
    assert.equal(formatFirstComplete([withHosts, generic], 'en', { hosts: '  ' }), 'It failed.');
    assert.equal(formatFirstComplete([withHosts], 'ja', {}), undefined);
  });
});
