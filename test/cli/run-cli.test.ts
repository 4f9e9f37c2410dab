import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Report } from '../../src/analyzer/report';
import { ExitCode } from '../../src/cli/exit-code';
import { langFromEnv, runCli } from '../../src/cli/run-cli';
import { findingTitle } from '../../src/i18n/findings';
import { explainRefusal } from '../../src/i18n/refusals';
import { conformanceErrors, memoryIo } from './memory-io';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
const fixturePath = (name: string): string => join(FIXTURES, name);
const EXIT_FOR_OVERALL = { ok: 0, 'action-required': 1, inconclusive: 2 } as const;

describe('runCli: usage, help, version', () => {
  it('--help and -h print the usage on stdout in the chosen language, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const io = memoryIo();
      assert.equal(await runCli([flag], io), ExitCode.OK);
      assert.match(io.stdoutText, /^Usage:\n {2}nwcheck analyze <file\|->/);
      assert.match(io.stdoutText, /Exit codes:/);
      assert.equal(io.stderrText, '');
    }
    const ja = memoryIo({ env: { LANG: 'ja_JP.UTF-8' } });
    assert.equal(await runCli(['analyze', '--help'], ja), ExitCode.OK);
    assert.match(ja.stdoutText, /^使い方:/);
  });

  it('--version prints the version', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['--version'], io), ExitCode.OK);
    assert.equal(io.stdoutText, 'nwcheck 9.9.9-test\n');
  });

  const usageCases: [string[], RegExp][] = [
    [[], /a command is required/],
    [['frobnicate'], /unknown command: frobnicate/],
    [['analyze'], /a file to analyze is required/],
    [['analyze', 'a.log', 'b.log'], /unexpected argument: b\.log/],
    [['analyze', 'a.log', '--jsn'], /unknown option: --jsn/],
    [['analyze', 'a.log', '--lang', 'fr'], /--lang must be ja or en \(got fr\)/],
    [['analyze', 'a.log', '--lang'], /--lang needs a value/],
    [['analyze', 'a.log', '--region'], /--region needs a value/],
    [['region'], /a region is required/],
    [['region', 'atlantis'], /unknown region "atlantis"/],
  ];
  for (const [argv, message] of usageCases) {
    it(`exit 64 with a message on stderr only: nwcheck ${argv.join(' ')}`, async () => {
      const io = memoryIo();
      assert.equal(await runCli(argv, io), ExitCode.USAGE);
      assert.match(io.stderrText, message);
      assert.match(io.stderrText, /nwcheck --help/);
      assert.equal(io.stdoutText, '');
    });
  }

  it('usage errors follow --lang', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['analyze', '--lang=ja'], io), ExitCode.USAGE);
    assert.match(io.stderrText, /^エラー: 解析するファイルを指定してください/);
  });

  it('an unknown region suggests close ones', async () => {
    const io = memoryIo();
    await runCli(['region', 'japan'], io);
    assert.match(io.stderrText, /did you mean: .*japaneast \(jpe\)/);
  });

  it('the default language comes from LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(langFromEnv({}), 'en');
    assert.equal(langFromEnv({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(langFromEnv({ LANG: 'ja_JP.UTF-8', LC_ALL: 'C' }), 'en');
    assert.equal(langFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP' }), 'ja');
    assert.equal(langFromEnv({ LANG: 'ja', LC_ALL: '' }), 'ja');
  });
});

describe('runCli: region', () => {
  it('lists the FQDNs and ports for a region, in English and Japanese', async () => {
    const en = memoryIo();
    assert.equal(await runCli(['region', 'japanwest'], en), ExitCode.OK);
    assert.match(en.stdoutText, /^Endpoints to test for Japan West \(japanwest\)/);
    assert.match(en.stdoutText, /pod01-manag1\.jpw\.backup\.windowsazure\.com\s+443/);
    assert.match(en.stdoutText, /pod01-rec2\.jpw\.backup\.windowsazure\.com\s+3260/);
    const ja = memoryIo();
    assert.equal(await runCli(['region', '東日本', '--lang', 'ja'], ja), ExitCode.OK);
    assert.match(ja.stdoutText, /^Japan East \(japaneast\) のボールトで確認すべき接続先/);
  });

  it('--json prints exactly the region and its endpoints', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['region', 'jpe', '--json'], io), ExitCode.OK);
    const parsed = JSON.parse(io.stdoutText) as { region: { id: string; geo: string }; endpoints: { host: string; port: number }[] };
    assert.deepEqual(parsed.region, { id: 'japaneast', displayName: 'Japan East', geo: 'jpe' });
    assert.ok(parsed.endpoints.some((e) => e.host === 'pod01-prot1.jpe.backup.windowsazure.com' && e.port === 443));
  });
});

describe('runCli: refused and unreadable input (exit 3)', () => {
  it('a missing file: exit 3, the reason on stderr, nothing on stdout', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['analyze', '/nonexistent/x.log'], io), ExitCode.UNREADABLE);
    assert.match(io.stderrText, /could not read \/nonexistent\/x\.log \(ENOENT\)/);
    assert.equal(io.stdoutText, '');
  });

  it('an empty file: the localized refusal, in both languages', async () => {
    const files = { 'empty.log': new Uint8Array(0) };
    for (const lang of ['en', 'ja'] as const) {
      const io = memoryIo({ files });
      assert.equal(await runCli(['analyze', 'empty.log', '--lang', lang], io), ExitCode.UNREADABLE);
      const x = explainRefusal({ reason: 'empty', fileName: 'empty.log' }, lang);
      assert.ok(io.stdoutText.includes(x.title), io.stdoutText);
      assert.ok(io.stdoutText.includes(x.detail));
      assert.ok(io.stdoutText.includes(x.whatToSend));
    }
  });

  it('--json: one object {refused, reason, message} and nothing else on stdout', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);
    const io = memoryIo({ files: { 'screen.png': png } });
    assert.equal(await runCli(['analyze', '--json', 'screen.png'], io), ExitCode.UNREADABLE);
    const parsed = JSON.parse(io.stdoutText) as Record<string, unknown>;
    assert.equal(parsed.refused, true);
    assert.equal(parsed.reason, 'binary');
    assert.equal(typeof parsed.message, 'string');
    assert.ok((parsed.message as string).includes('screen.png'));
    assert.equal(io.stderrText, '');
  });

  it('a zip of the script alone: zip-no-logs, asking for the .log', async () => {
    const zip = zipSync({ 'Check_Backup_NW_ver1.7.ps1': strToU8('Write-Host') });
    const io = memoryIo({ files: { 'script.zip': zip } });
    assert.equal(await runCli(['analyze', 'script.zip', '--json'], io), ExitCode.UNREADABLE);
    const parsed = JSON.parse(io.stdoutText) as { reason: string; whatToSend: string };
    assert.equal(parsed.reason, 'zip-no-logs');
    assert.match(parsed.whatToSend, /\.log/);
  });

  it('stdin over the size cap is refused as too large without a made-up size', async () => {
    const io = memoryIo({ stdin: Buffer.alloc(21 * 1024 * 1024, 0x41) });
    assert.equal(await runCli(['analyze', '-', '--json'], io), ExitCode.UNREADABLE);
    const parsed = JSON.parse(io.stdoutText) as { reason: string; params: Record<string, string> };
    assert.equal(parsed.reason, 'too-large');
    assert.equal(parsed.params.sizeMb, undefined);
  });
});

describe('runCli: analyzing the fixture logs', () => {
  const logs = readdirSync(FIXTURES).filter((f) => !f.endsWith('.expected.json')).sort();

  for (const log of logs) {
    it(`${log}: --json matches the expected subset, exit code follows overall`, async () => {
      const io = memoryIo();
      const code = await runCli(['analyze', '--json', fixturePath(log)], io);
      const report = JSON.parse(io.stdoutText) as Report;
      const expected = JSON.parse(readFileSync(fixturePath(`${log}.expected.json`), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(conformanceErrors(expected, report), []);
      assert.equal(code, EXIT_FOR_OVERALL[report.overall]);
      assert.equal(io.stderrText, '');
    });
  }

  for (const lang of ['en', 'ja'] as const) {
    it(`text output (${lang}) names the failed hosts and every finding's title`, async () => {
      const file = fixturePath('win-ja-2022-storage-blocked.log');
      const jsonIo = memoryIo();
      await runCli(['analyze', '--json', file], jsonIo);
      const report = JSON.parse(jsonIo.stdoutText) as Report;
      const io = memoryIo();
      const code = await runCli(['analyze', file, '--lang', lang], io);
      assert.equal(code, EXIT_FOR_OVERALL[report.overall]);
      const text = io.stdoutText;
      const failed = report.endpoints.filter((e) => e.verdict === 'failed');
      assert.ok(failed.length > 0);
      const failedSection = text.slice(text.indexOf(lang === 'ja' ? '接続に失敗した接続先' : 'Failed endpoints'));
      for (const e of failed) assert.ok(failedSection.includes(`${e.host}:${e.port}`), `${e.host} missing`);
      for (const f of report.findings) assert.ok(text.includes(findingTitle(f, lang)), `title of ${f.code} missing`);
      assert.ok(text.includes(lang === 'ja' ? 'Shift_JIS' : 'UTF-8') || text.includes('UTF-8'));
    });
  }

  it('one entry per problem: six failed name lookups are one finding naming them, with every log line', async () => {
    const file = fixturePath('win-en-dns-failure.log');
    const jsonIo = memoryIo();
    await runCli(['analyze', '--json', file], jsonIo);
    const report = JSON.parse(jsonIo.stdoutText) as Report;
    const dns = report.findings.filter((f) => f.code === 'DNS_RESOLUTION_FAILED');
    assert.ok(dns.length > 2, 'the fixture has several DNS failures');
    const io = memoryIo();
    await runCli(['analyze', file, '--lang', 'en'], io);
    const findingsText = io.stdoutText.slice(io.stdoutText.indexOf('Findings ('));
    const codes = new Set(report.findings.map((f) => `${f.severity}/${f.code}`));
    assert.match(findingsText, new RegExp(`^Findings \\(${codes.size}\\)`));
    const entry = findingsText.split('\n\n').find((block) => block.includes('[Error] Name resolution failed'));
    assert.ok(entry, 'the DNS entry is there');
    assert.equal(findingsText.split('[Error] Name resolution failed').length - 1, 1, 'listed once');
    const firstLines = dns.map((f) => f.evidence[0]!.line).slice(0, 4);
    for (const line of firstLines) assert.match(entry, new RegExp(`\\b${line}\\b`), `line ${line} cited`);
  });

  it('reads standard input with "-"', async () => {
    const io = memoryIo({ stdin: readFileSync(fixturePath('win-en-2019-healthy.log')) });
    await runCli(['analyze', '-', '--json'], io);
    const report = JSON.parse(io.stdoutText) as Report;
    assert.equal(report.source.kind, 'windows-backup');
    assert.equal(report.source.fileName, undefined);
  });

  it('a zip with one log prints one report object naming the zip', async () => {
    const zip = zipSync({ 'AzureBackup_Check_NW_20231104_155210.log': readFileSync(fixturePath('win-en-2019-healthy.log')) });
    const io = memoryIo({ files: { 'logs.zip': zip } });
    await runCli(['analyze', '--json', 'logs.zip'], io);
    const report = JSON.parse(io.stdoutText) as Report;
    assert.ok(!Array.isArray(report));
    assert.equal(report.source.archive, 'logs.zip');
  });

  it('a zip with several logs prints an array in archive order; the exit code is the worst', async () => {
    const zip = zipSync({
      'a/linux.log': readFileSync(fixturePath('linux-healthy.log')),
      'b/win.log': readFileSync(fixturePath('win-ja-2022-storage-blocked.log')),
    });
    const io = memoryIo({ files: { 'logs.zip': zip } });
    const code = await runCli(['analyze', '--json', 'logs.zip'], io);
    const reports = JSON.parse(io.stdoutText) as Report[];
    assert.deepEqual(reports.map((r) => r.source.archiveEntry), ['a/linux.log', 'b/win.log']);
    const worst = reports.some((r) => r.overall === 'action-required') ? 1 : reports.some((r) => r.overall === 'inconclusive') ? 2 : 0;
    assert.equal(code, worst);
    const text = memoryIo({ files: { 'logs.zip': zip } });
    await runCli(['analyze', 'logs.zip'], text);
    assert.match(text.stdoutText, /Report 1 of 2: a\/linux\.log/);
    assert.match(text.stdoutText, /Report 2 of 2: b\/win\.log/);
  });

  it('--region adds regionEndpoints to the JSON and a section to the text', async () => {
    const file = fixturePath('win-en-dns-failure.log');
    const io = memoryIo();
    await runCli(['analyze', '--json', '--region', 'southeastasia', file], io);
    const report = JSON.parse(io.stdoutText) as Report & { regionEndpoints: { region: { id: string }; endpoints: { host: string }[] } };
    assert.equal(report.regionEndpoints.region.id, 'southeastasia');
    assert.ok(report.regionEndpoints.endpoints.some((e) => e.host === 'pod01-manag1.sea.backup.windowsazure.com'));
    const text = memoryIo();
    await runCli(['analyze', '--region', 'southeastasia', file], text);
    assert.match(text.stdoutText, /Endpoints to test for Southeast Asia \(southeastasia\)/);
  });
});
