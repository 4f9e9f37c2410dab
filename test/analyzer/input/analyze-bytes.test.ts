import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { strToU8 } from 'fflate';
import { analyzeBytes, type AnalyzeBytesOptions } from '../../../src/analyzer/input/analyze-bytes';
import type { AnalysisOutcome, Refusal, Report } from '../../../src/analyzer/report';
import { gzipZeros, headOf, makeZip, patchUncompressedSize, setEncryptedFlag, stubAnalyze } from './zip-helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'logs');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const LOG = fixture('win-en-2019-healthy.log');
const LOG_CP932 = fixture('win-ja-cp932.log');
const LOG_UTF16 = fixture('win-en-utf16.log');

const stub: AnalyzeBytesOptions = { analyze: stubAnalyze };
const run = (bytes: Uint8Array, fileName?: string, extra: AnalyzeBytesOptions = {}): Promise<AnalysisOutcome> =>
  analyzeBytes(bytes, { ...stub, ...extra, ...(fileName === undefined ? {} : { fileName }) });

function refusalOf(outcome: AnalysisOutcome): Refusal {
  assert.equal(outcome.kind, 'refused', `expected a refusal, got ${JSON.stringify(outcome).slice(0, 200)}`);
  return (outcome as { refusal: Refusal }).refusal;
}
function reportsOf(outcome: AnalysisOutcome): Report[] {
  assert.equal(outcome.kind, 'reports', `expected reports, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return (outcome as { reports: Report[] }).reports;
}

describe('analyzeBytes: plain files', () => {
  it('hands the decoded text, encoding and file name to the analyzer', async () => {
    const [report] = reportsOf(await run(LOG_CP932, 'AzureBackup_Check_NW_1.log'));
    assert.equal(report!.source.encoding, 'shift_jis');
    assert.equal(report!.source.fileName, 'AzureBackup_Check_NW_1.log');
    assert.equal(report!.source.archive, undefined);
    assert.ok(headOf(report!).startsWith('**********************'));
  });

  it('reads the UTF-16LE fixture', async () => {
    const [report] = reportsOf(await run(LOG_UTF16));
    assert.equal(report!.source.encoding, 'utf-16le');
  });

  it('refuses 0 bytes and whitespace-only files as empty', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from(' \r\n\t\r\n'), Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), Buffer.from([0xff, 0xfe, 0x20, 0x00])]) {
      assert.equal(refusalOf(await run(bytes, 'x.log')).reason, 'empty');
    }
  });

  it('refuses a file over maxBytes with the limit in the params, and the default is 20 MB', async () => {
    const r = refusalOf(await run(Buffer.alloc(2048, 0x41), 'big.log', { limits: { maxBytes: 1024 } }));
    assert.equal(r.reason, 'too-large');
    assert.equal(r.fileName, 'big.log');
    const big = refusalOf(await run(Buffer.alloc(21 * 1024 * 1024, 0x41)));
    assert.deepEqual([big.reason, big.params?.limit, big.params?.sizeMb], ['too-large', '20 MB', '21']);
    const capped = refusalOf(await run(Buffer.alloc(1025, 0x41), 'big.log', { limits: { maxBytes: 1024 } }));
    assert.equal(capped.params?.sizeMb, undefined, 'one byte over the cap: the reader stopped there, size unknown');
    reportsOf(await run(Buffer.alloc(20 * 1024 * 1024, 0x41)));
  });

  const binaries: [string, Buffer, string][] = [
    ['PNG screenshot', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]), 'image'],
    ['JPEG photo', Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(100, 0x41)]), 'image'],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'pdf'],
    ['Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(100, 0x41)]), 'executable'],
    ['event log', Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(100, 1)]), 'event-log'],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'data'],
    ['NUL-heavy data', Buffer.concat([Buffer.from('abc'), Buffer.alloc(300), Buffer.from('def')]), 'data'],
  ];
  for (const [name, bytes, category] of binaries) {
    it(`refuses ${name} as binary (${category})`, async () => {
      const r = refusalOf(await run(bytes, 'upload.log'));
      assert.deepEqual([r.reason, r.params?.category], ['binary', category]);
    });
  }

  it('keeps a log with a few control bytes from the proxy blobs', async () => {
    const text = LOG.toString('utf8').replace('DefaultConnectionSettings: F   ?', 'DefaultConnectionSettings: F\u0001\u0000\u0000\u0003?');
    reportsOf(await run(Buffer.from(text)));
  });

  it('refuses an HTML page (Teams iOS sharing link) as html-page', async () => {
    const page = '\r\n<!DOCTYPE html>\r\n<html lang="ja"><head><title>OneDrive</title></head><body></body></html>';
    assert.equal(refusalOf(await run(Buffer.from(page), 'AzureBackup_Check_NW.log')).reason, 'html-page');
    assert.equal(refusalOf(await run(Buffer.from(`<head><meta charset="utf-8"></head><body>x</body>`))).reason, 'html-page');
    assert.equal(refusalOf(await run(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]))).reason, 'html-page');
  });
});

describe('analyzeBytes: zip archives (B6)', () => {
  it('one log: its report names the zip and the entry', async () => {
    const [report, ...rest] = reportsOf(await run(makeZip({ 'logs/AzureBackup_Check_NW_20231104_155210.log': LOG }), 'logs.zip'));
    assert.equal(rest.length, 0);
    assert.equal(report!.source.archive, 'logs.zip');
    assert.equal(report!.source.archiveEntry, 'logs/AzureBackup_Check_NW_20231104_155210.log');
    assert.equal(report!.source.fileName, 'AzureBackup_Check_NW_20231104_155210.log');
    assert.equal(report!.source.encoding, 'utf-8-bom');
  });

  it('several logs: one report each, in archive order, each with its own encoding', async () => {
    const zip = makeZip({ 'b.log': LOG_CP932, 'a.log': LOG, 'c/': {}, 'c/d.log': LOG_UTF16, 'Check_Backup_NW_ver1.7.ps1': strToU8('Write-Host') });
    const reports = reportsOf(await run(zip, 'x.zip'));
    assert.deepEqual(
      reports.map((r) => [r.source.archiveEntry, r.source.encoding]),
      [['b.log', 'shift_jis'], ['a.log', 'utf-8-bom'], ['c/d.log', 'utf-16le']],
    );
  });

  it('skips pictures and empty files next to the log', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);
    const reports = reportsOf(await run(makeZip({ 'screen.dat': png, 'empty.log': new Uint8Array(0), 'x.log': LOG, '__MACOSX/._x.log': new Uint8Array(10) }), 'x.zip'));
    assert.deepEqual(reports.map((r) => r.source.archiveEntry), ['x.log']);
  });

  it('treats "../" entry names as plain names', async () => {
    const [report] = reportsOf(await run(makeZip({ '../../etc/AzureBackup_Check_NW_x.log': LOG }), 'x.zip'));
    assert.equal(report!.source.archiveEntry, '../../etc/AzureBackup_Check_NW_x.log');
    assert.equal(report!.source.fileName, 'AzureBackup_Check_NW_x.log');
  });

  it('decodes CP932 entry names (Japanese Windows Explorer zips)', async () => {
    // same byte length: "ログ" is 4 bytes in CP932, + "ABC" = 7 = "LOGNAME"
    const zip = makeZip({ 'LOGNAME.log': LOG });
    const rebuilt = Buffer.from(zip.toString('latin1').split('LOGNAME').join(iconv.encode('ログ', 'cp932').toString('latin1') + 'ABC'), 'latin1');
    assert.equal(rebuilt.length, zip.length);
    const [report] = reportsOf(await run(rebuilt, 'x.zip'));
    assert.equal(report!.source.archiveEntry, 'ログABC.log');
  });

  it('refuses an entry with the encrypted flag (zip-encrypted), naming it', async () => {
    const zip = setEncryptedFlag(makeZip({ 'Check_Backup_NW_ver1.7.ps1': strToU8('Write-Host 1'), 'readme.txt': strToU8('hello') }), 1);
    const r = refusalOf(await run(zip, 'Check_Backup_NW.zip'));
    assert.deepEqual([r.reason, r.params?.entry, r.fileName], ['zip-encrypted', 'readme.txt', 'Check_Backup_NW.zip']);
  });

  it('refuses a header that claims fewer bytes than the data holds (liar header)', async () => {
    const r = refusalOf(await run(patchUncompressedSize(makeZip({ 'x.log': LOG }), 0, 100), 'x.zip'));
    assert.deepEqual([r.reason, r.params?.detail], ['zip-corrupt', 'size-mismatch']);
  });

  it('refuses a header that claims more bytes than the data holds', async () => {
    const r = refusalOf(await run(patchUncompressedSize(makeZip({ 'x.log': LOG }), 0, LOG.length + 5), 'x.zip'));
    assert.deepEqual([r.reason, r.params?.detail], ['zip-corrupt', 'size-mismatch']);
  });

  it('stops a liar bomb (claims 1 KB, holds 20 MB of zeros) at the claimed size, not after inflating it', async () => {
    const zip = patchUncompressedSize(makeZip({ 'x.log': new Uint8Array(20 * 1024 * 1024) }), 0, 1024);
    const before = process.memoryUsage().rss;
    const r = refusalOf(await run(zip, 'x.zip'));
    assert.equal(r.reason, 'zip-corrupt');
    assert.ok(process.memoryUsage().rss - before < 16 * 1024 * 1024);
  });

  it('refuses an honest 1000:1 bomb by the ratio limit, inflating no more than the grace size', async () => {
    const zip = makeZip({ 'bomb.log': new Uint8Array(10 * 1024 * 1024) });
    assert.ok(zip.length < 20 * 1024, `bomb is ${zip.length} bytes`);
    const r = refusalOf(await run(zip, 'x.zip'));
    assert.deepEqual([r.reason, r.params?.limitKind, r.params?.limit, r.params?.entry], ['zip-bomb', 'ratio', '100:1', 'bomb.log']);
  });

  it('refuses an entry over the per-entry cap and an archive over the total cap', async () => {
    const text = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => 0x41 + ((i * 31) % 26));
    const one = refusalOf(await run(makeZip({ 'a.log': text(3000) }), 'x.zip', { limits: { maxEntryBytes: 2000 } }));
    assert.deepEqual([one.reason, one.params?.limitKind], ['zip-bomb', 'entry-size']);
    const total = refusalOf(await run(makeZip({ 'a.log': text(3000), 'b.log': text(3000) }), 'x.zip', { limits: { maxUncompressedBytes: 5000 } }));
    assert.deepEqual([total.reason, total.params?.limitKind, total.params?.entry], ['zip-bomb', 'total-size', 'b.log']);
  });

  it('refuses 10 000 entries before reading any (zip-too-many-entries)', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_000; i++) files[`f${i}.log`] = strToU8('x');
    const r = refusalOf(await run(makeZip(files), 'x.zip'));
    assert.deepEqual([r.reason, r.params?.count, r.params?.limit], ['zip-too-many-entries', '10000', '100']);
  });

  it('refuses nested archives, by name and by content', async () => {
    const inner = makeZip({ 'x.log': LOG });
    assert.deepEqual(refusalOf(await run(makeZip({ 'inner.zip': inner, 'x.log': LOG }), 'x.zip')).params?.entry, 'inner.zip');
    const byContent = refusalOf(await run(makeZip({ 'inner.log': inner }), 'x.zip'));
    assert.deepEqual([byContent.reason, byContent.params?.entry], ['zip-nested', 'inner.log']);
    assert.equal(refusalOf(await run(makeZip({ 'x.log.gz': gzipSync(LOG) }), 'x.zip')).reason, 'zip-nested');
  });

  it('refuses a truncated or damaged archive as zip-corrupt', async () => {
    const zip = makeZip({ 'x.log': LOG, 'y.log': LOG });
    assert.equal(refusalOf(await run(zip.subarray(0, Math.floor(zip.length / 2)), 'x.zip')).reason, 'zip-corrupt');
    assert.equal(refusalOf(await run(zip.subarray(0, zip.length - 10), 'x.zip')).reason, 'zip-corrupt');
    const damaged = Buffer.from(zip);
    for (let i = 100; i < 140; i++) damaged[i] = damaged[i]! ^ 0x5a;
    assert.equal(refusalOf(await run(damaged, 'x.zip')).reason, 'zip-corrupt');
  });

  it('0-byte upload named .zip is empty; an empty archive has no logs', async () => {
    assert.equal(refusalOf(await run(Buffer.alloc(0), 'x.zip')).reason, 'empty');
    const r = refusalOf(await run(makeZip({}), 'x.zip'));
    assert.deepEqual([r.reason, r.params?.count], ['zip-no-logs', '0']);
  });

  it('a zip of scripts only: zip-no-logs with scriptsOnly, so the message can ask for the .log', async () => {
    const r = refusalOf(await run(makeZip({ 'Check_Backup_NW_ver1.7.ps1': strToU8('x'), 'Check_Backup_NW_Linux_ver1.5.sh': strToU8('y') }), 'x.zip'));
    assert.deepEqual([r.reason, r.params?.scriptsOnly, r.params?.entries], ['zip-no-logs', 'true', 'Check_Backup_NW_ver1.7.ps1, Check_Backup_NW_Linux_ver1.5.sh']);
    const pics = refusalOf(await run(makeZip({ 'a.png': strToU8('x') }), 'x.zip'));
    assert.deepEqual([pics.reason, pics.params?.scriptsOnly], ['zip-no-logs', 'false']);
  });
});

describe('analyzeBytes: gzip (B7)', () => {
  it('reads a gzipped log, naming the .gz and the inner file', async () => {
    const [report] = reportsOf(await run(gzipSync(LOG_CP932), 'CheckNWResult_vm_202402191014.log.gz'));
    assert.equal(report!.source.encoding, 'shift_jis');
    assert.equal(report!.source.archive, 'CheckNWResult_vm_202402191014.log.gz');
    assert.equal(report!.source.archiveEntry, 'CheckNWResult_vm_202402191014.log');
  });

  it('stops a 200 MB gzip bomb at the cap without inflating it', async () => {
    const bomb = gzipZeros(200);
    const before = process.memoryUsage().rss;
    const r = refusalOf(await run(bomb, 'x.log.gz'));
    assert.deepEqual([r.reason, r.params?.format], ['zip-bomb', 'gzip']);
    assert.ok(process.memoryUsage().rss - before < 32 * 1024 * 1024);
  });

  it('refuses a truncated gzip and a gzipped zip', async () => {
    const gz = gzipSync(LOG);
    assert.equal(refusalOf(await run(gz.subarray(0, gz.length - 20), 'x.gz')).reason, 'zip-corrupt');
    assert.equal(refusalOf(await run(gzipSync(makeZip({ 'x.log': LOG })), 'x.zip.gz')).reason, 'zip-nested');
  });
});

describe('analyzeBytes: properties (B8/B9)', () => {
  const valid = makeZip({ 'a.log': LOG.subarray(0, 3000), 'b.log': strToU8('hello') });
  const inputs = fc.oneof(
    fc.uint8Array({ maxLength: 4096 }),
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.concat([Buffer.from('PK\x03\x04'), a])),
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), a])),
    fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const b = Buffer.from(valid);
      for (const [at, x] of flips) b[at] = b[at]! ^ x;
      return b;
    }),
  );

  it('any bytes (raw, zip-like, gzip-like, damaged zips) → an outcome, never a throw, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (bytes) => {
        const a = await run(bytes, 'f.zip');
        const b = await run(Uint8Array.from(bytes), 'f.zip');
        assert.ok(a.kind === 'reports' || a.kind === 'refused');
        assert.deepEqual(a, b);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('analyzeBytes with the real analyzer', () => {
  const original = fixture('win-ja-2022-storage-blocked.log');
  const text = original.subarray(3).toString('utf8');
  const variants: [string, Buffer][] = [
    ['utf-8', Buffer.from(text)],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['utf-16le', Buffer.from(text, 'utf16le')],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['shift_jis', iconv.encode(text, 'cp932')],
  ];

  it('a memo beside the logs in a zip is not reported; a zip of text that is no log still gets its "not a log" report', async () => {
    const memo = strToU8('お客様メモ: 昨日から バックアップが失敗しています。\r\nよろしくお願いします。\r\n');
    const both = reportsOf(await analyzeBytes(makeZip({ 'memo.txt': memo, 'AzureBackup_Check_NW_1.log': original, 'readme.txt': strToU8('see the log') }), { fileName: 'logs.zip' }));
    assert.deepEqual(both.map((r) => [r.source.archiveEntry, r.source.kind]), [['AzureBackup_Check_NW_1.log', 'windows-backup']]);
    const memoOnly = reportsOf(await analyzeBytes(makeZip({ 'memo.txt': memo }), { fileName: 'memo.zip' }));
    assert.deepEqual(memoOnly.map((r) => [r.source.archiveEntry, r.source.kind, r.findings.map((f) => f.code)]), [['memo.txt', 'unknown', ['UNRECOGNIZED_LOG']]]);
  });

  it('gives the same report whatever the encoding the Japanese log was saved in', async () => {
    const [base] = reportsOf(await analyzeBytes(original, { fileName: 'x.log' }));
    assert.equal(base!.source.encoding, 'utf-8-bom');
    for (const [encoding, bytes] of variants) {
      const [report] = reportsOf(await analyzeBytes(bytes, { fileName: 'x.log' }));
      assert.equal(report!.source.encoding, encoding);
      assert.deepEqual({ ...report!, source: { ...report!.source, encoding: 'utf-8-bom' } }, base, `differs when saved as ${encoding}`);
    }
  });

  it('any bytes → an outcome, never a throw, deterministic (real analyzeText)', async () => {
    const chunk = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.constantFrom(...['#TRY!! Test-NetConnection a.jpe.backup.windowsazure.com -port 443\r\n', 'Result of tnc - 443 / from 1 /To URL  x IPaddress  / TcpTestSucceeded: False\r\n', 'ProxyEnable: 1\r\n', '\u0000\u0001', '警告: \r\n'].map((s) => Buffer.from(s))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { maxLength: 40 }), async (parts) => {
        const bytes = Buffer.concat(parts);
        const a = await analyzeBytes(bytes, { fileName: 'f.log' });
        assert.deepEqual(a, await analyzeBytes(Buffer.from(bytes), { fileName: 'f.log' }));
      }),
      { numRuns: 300 },
    );
  });
});
