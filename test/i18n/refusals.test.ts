import assert from 'node:assert/strict';
import type { Refusal, RefusalReason } from '../../src/analyzer/report';
import { LANGS } from '../../src/i18n/lang';
import {
  DOWNLOAD_PROBLEMS,
  REFUSAL_CATALOGUES,
  REFUSAL_KEYS,
  explainRefusal,
  type DownloadProblem,
} from '../../src/i18n/refusals';
import { assertCatalogueComplete, assertCatalogueStyle, politeSentenceProblems } from './catalogue-check';

// Written as a Record so the compiler fails this test when a reason is added to the union.
const REASONS: Record<RefusalReason, true> = {
  empty: true,
  'too-large': true,
  binary: true,
  'zip-encrypted': true,
  'zip-bomb': true,
  'zip-too-many-entries': true,
  'zip-nested': true,
  'zip-corrupt': true,
  'zip-no-logs': true,
  'html-page': true,
};
const PROBLEMS: Record<DownloadProblem, true> = Object.fromEntries(DOWNLOAD_PROBLEMS.map((p) => [p, true])) as Record<
  DownloadProblem,
  true
>;
const ALL = [...Object.keys(REASONS), ...Object.keys(PROBLEMS)];
const PLACEHOLDER = /\{[A-Za-z][A-Za-z0-9_]*\}/u;

describe('i18n/refusals', () => {
  for (const [name, catalogue] of Object.entries(REFUSAL_CATALOGUES)) {
    it(`${name}: both languages, same placeholders, Microsoft Japanese style`, () => {
      assertCatalogueComplete(catalogue);
      assertCatalogueStyle(catalogue);
    });
  }

  it('has texts for every RefusalReason and every DownloadProblem, and nothing else', () => {
    assert.deepEqual([...REFUSAL_KEYS].sort(), [...new Set(ALL)].sort());
  });

  for (const reason of ALL) {
    for (const lang of LANGS) {
      it(`${reason} (${lang}): title, detail and what to send, with and without params`, () => {
        const cases = [
          { reason, params: { limit: '20 MB', fileName: 'AzureBackup_Check_NW_20231104_155210.zip', entry: 'inner.zip' } },
          { reason, params: { limit: '', fileName: '', entry: '' } },
          { reason },
        ];
        for (const input of cases) {
          const e = explainRefusal(input, lang);
          for (const [part, text] of Object.entries(e)) {
            assert.ok(text.trim().length > 0, `${part} empty`);
            assert.ok(!PLACEHOLDER.test(text), `${part}: ${text}`);
            assert.ok(!text.includes('undefined') && !text.includes('()') && !text.includes('「」'), `${part}: ${text}`);
          }
          if (lang === 'ja') {
            assert.deepEqual(politeSentenceProblems(e.detail), [], e.detail);
            assert.deepEqual(politeSentenceProblems(e.whatToSend), [], e.whatToSend);
          }
        }
      });
    }
  }

  it('uses the params it is given, verbatim', () => {
    const nested = explainRefusal({ reason: 'zip-nested', params: { fileName: 'logs.zip', entry: '[x](http://evil)' } }, 'ja');
    assert.equal(
      nested.detail,
      'logs.zip の中に、さらに zip ファイル ([x](http://evil)) が含まれています。安全のため、zip ファイルの中の zip ファイルは展開しません。',
    );
    const large = explainRefusal({ reason: 'too-large', params: { limit: '${limit}' }, fileName: 'big.log' }, 'en');
    assert.equal(large.detail, 'big.log is larger than the size limit, so it was not read. The limit is ${limit}.');
  });

  it('takes fileName from the Refusal when params do not carry it', () => {
    const refusal: Refusal = { refused: true, reason: 'zip-corrupt', fileName: 'broken.zip' };
    assert.ok(explainRefusal(refusal, 'en').detail.startsWith('broken.zip could not be read as a zip.'));
  });

  it('says a password-protected zip is the script archive and asks for the .log', () => {
    const ja = explainRefusal({ reason: 'zip-encrypted', params: { fileName: 'Check_Backup_NW_ver1.7.zip' } }, 'ja');
    assert.ok(ja.detail.includes('疎通確認スクリプトの配布ファイルそのもの'), ja.detail);
    assert.ok(ja.whatToSend.includes('.log ファイル'), ja.whatToSend);
    const en = explainRefusal({ reason: 'zip-encrypted' }, 'en');
    assert.ok(en.detail.includes('almost always the network-check script’s own download'), en.detail);
  });

  it('names the encrypted entry, which usually shows it is the script itself', () => {
    const ja = explainRefusal(
      { reason: 'zip-encrypted', params: { entry: 'Check_Backup_NW_ver1.7.ps1' }, fileName: 'Check_Backup_NW.zip' },
      'ja',
    );
    assert.ok(ja.detail.startsWith('Check_Backup_NW.zip の中のファイル (Check_Backup_NW_ver1.7.ps1) はパスワードで保護されている'), ja.detail);
  });

  it('a password-protected zip whose entry is a log says so, and asks for it without a password', () => {
    // before: "…(AzureBackup_Check_NW_20240603.log) はパスワードで保護されているため、開けませんでした。パス
    // ワード付きの zip ファイルは、ほとんどの場合、ログではなく疎通確認スクリプトの配布ファイルそのものです。"
    for (const entry of ['AzureBackup_Check_NW_20240603.log', 'logs/CheckNWResult_rhel8_20240717.log', 'C:\\temp\\x.LOG']) {
      const ja = explainRefusal({ reason: 'zip-encrypted', params: { entry }, fileName: 'protected.zip' }, 'ja');
      assert.equal(ja.title, 'パスワード付きの zip ファイルです');
      assert.equal(ja.detail, `protected.zip の中のログ ファイル (${entry}) はパスワードで保護されているため、開けませんでした。`);
      assert.ok(!ja.detail.includes('配布ファイル'), ja.detail);
      assert.equal(ja.whatToSend, 'パスワードを設定せずに zip にし直して送信するか、ログ ファイルを zip にせずにそのまま送信してください。');
      const en = explainRefusal({ reason: 'zip-encrypted', params: { entry } }, 'en');
      assert.equal(en.detail, `The log ${entry} in the zip is password-protected and could not be opened.`);
      assert.ok(!en.detail.includes('own download'));
    }
    // the script's own archive keeps its explanation
    const script = explainRefusal({ reason: 'zip-encrypted', params: { entry: 'Check_Backup_NW_ver1.7.ps1' } }, 'en');
    assert.ok(script.detail.includes('own download'));
  });

  it('tells a zip of only the scripts apart from a zip without logs', () => {
    const scripts = explainRefusal(
      { reason: 'zip-no-logs', params: { scriptsOnly: 'true', entries: 'Check_Backup_NW_ver1.7.ps1,readme.txt' }, fileName: 'a.zip' },
      'en',
    );
    assert.equal(scripts.title, 'The zip holds only the scripts');
    assert.ok(scripts.whatToSend.includes('.log file the script writes'), scripts.whatToSend);
    const other = explainRefusal(
      { reason: 'zip-no-logs', params: { scriptsOnly: 'false', entries: 'a.txt, b.png' }, fileName: 'a.zip' },
      'ja',
    );
    assert.equal(other.title, 'zip ファイルにログが含まれていません');
    assert.ok(other.detail.includes('「a.txt、b.png」'), other.detail);
  });

  it('says what kind of binary file it was, and drops an unknown kind', () => {
    const image = explainRefusal({ reason: 'binary', params: { category: 'image', format: 'PNG' }, fileName: 's.png' }, 'ja');
    assert.ok(image.detail.endsWith('ファイルの種類は「画像」と判定しました。'), image.detail);
    const unknown = explainRefusal({ reason: 'binary', params: { category: 'weird' } }, 'en');
    assert.ok(!unknown.detail.includes('weird') && !unknown.detail.includes('looks like'), unknown.detail);
  });

  it('words a ratio limit of a zip bomb as a ratio', () => {
    const ratio = explainRefusal({ reason: 'zip-bomb', params: { limit: '100:1', limitKind: 'ratio' } }, 'en');
    assert.ok(ratio.detail.endsWith('The limit on the expansion ratio is 100:1.'), ratio.detail);
    const size = explainRefusal({ reason: 'zip-bomb', params: { limit: '200 MB', limitKind: 'total-size' } }, 'en');
    assert.ok(size.detail.endsWith('The limit is 200 MB.'), size.detail);
  });

  it('says an HTML page is a sharing page, typical of Teams on iOS', () => {
    const en = explainRefusal({ reason: 'html-page' }, 'en');
    assert.ok(en.detail.includes('Teams on iOS'), en.detail);
  });

  it('explains an unknown reason instead of failing, without echoing the reason id', () => {
    const e = explainRefusal({ reason: '__proto__', params: { fileName: 'x.log' } }, 'en');
    assert.equal(e.title, 'The file could not be read');
    assert.equal(e.detail, 'x.log could not be read.');
    assert.ok(!JSON.stringify(e).includes('__proto__'));
  });
});
