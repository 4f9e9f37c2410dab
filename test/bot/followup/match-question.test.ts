import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBytes, type Report } from '../../../src/analyzer';
import { containsWord, matchQuestion } from '../../../src/bot/followup/match-question';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'logs');

async function report(name: string): Promise<Report> {
  const outcome = await analyzeBytes(new Uint8Array(readFileSync(join(FIXTURES, name))), { fileName: name });
  assert.equal(outcome.kind, 'reports');
  return outcome.reports[0]!;
}

function codes(r: Report, indices: number[]): string[] {
  return indices.map((i) => `${r.findings[i]!.code}${r.findings[i]!.endpoint ? `@${r.findings[i]!.endpoint}` : ''}`);
}

describe('matchQuestion (follow-up questions → findings)', () => {
  let proxyOnly: Report;
  let storage: Report;
  let dns: Report;
  let tls: Report;
  before(async () => {
    proxyOnly = await report('win-ja-user-proxy-only.log');
    storage = await report('win-ja-2022-storage-blocked.log');
    dns = await report('win-en-dns-failure.log');
    tls = await report('win-en-2012r2-tls12-disabled.log');
  });

  it('"なぜ login.microsoft.com に接続できないの?" → the finding naming that host (not the "login" topic)', () => {
    const m = matchQuestion('なぜ login.microsoft.com に接続できないの?', proxyOnly);
    assert.equal(m.kind, 'findings');
    if (m.kind !== 'findings') return;
    assert.equal(m.host, 'login.microsoft.com');
    assert.deepEqual(codes(proxyOnly, m.findingIndices), ['PROXY_NOT_SET_FOR_SYSTEM']);
  });

  it('a host without a finding → its status; a host the log never checked → says so', () => {
    assert.deepEqual(matchQuestion('why can’t it reach login.microsoft.com?', storage), { kind: 'endpoint-status', host: 'login.microsoft.com' });
    assert.deepEqual(matchQuestion('what about contoso.example.com?', storage), { kind: 'endpoint-unknown', host: 'contoso.example.com' });
  });

  it('"what about the proxy?" / "プロキシは?" → proxy findings, most severe first', () => {
    for (const q of ['what about the proxy?', 'プロキシの設定は大丈夫?']) {
      const m = matchQuestion(q, proxyOnly);
      assert.equal(m.kind, 'findings', q);
      if (m.kind === 'findings') assert.deepEqual(codes(proxyOnly, m.findingIndices), ['PROXY_NOT_SET_FOR_SYSTEM', 'TCP_TEST_BYPASSES_PROXY']);
    }
    assert.deepEqual(matchQuestion('what about the proxy?', storage), { kind: 'topic-status', topic: 'proxy', services: [] });
  });

  it('"TLS は大丈夫?" / "is TLS ok?" → TLS findings', () => {
    const ja = matchQuestion('TLS は大丈夫?', proxyOnly);
    assert.ok(ja.kind === 'findings' && codes(proxyOnly, ja.findingIndices).includes('TLS12_OS_DEFAULT'));
    const en = matchQuestion('is TLS ok?', tls);
    // the cause first, then one of its symptoms: not three copies of the same explanation
    assert.ok(en.kind === 'findings', JSON.stringify(en));
    if (en.kind === 'findings') assert.deepEqual(codes(tls, en.findingIndices), ['TLS12_DISABLED', 'TLS_CHANNEL_FAILED@pod01-manag1.jpe.backup.windowsazure.com', 'TLS_CHANNEL_FAILED@pod01-prot1.jpe.backup.windowsazure.com']);
  });

  it('"how do I fix the storage one?" / "ストレージの直し方" → findings about storage endpoints', () => {
    for (const q of ['how do I fix the storage one?', 'ストレージの直し方は?']) {
      const m = matchQuestion(q, storage);
      assert.equal(m.kind, 'findings', q);
      if (m.kind === 'findings') {
        assert.deepEqual(codes(storage, m.findingIndices), ['TCP_CONNECT_FAILED@jpewatcab01.blob.core.windows.net', 'HTTP_CONNECT_FAILED@jpewatcab01.blob.core.windows.net']);
      }
    }
    // a finding that lists storage hosts in its params counts as about storage
    const viaParams = matchQuestion('how do I fix the storage one?', proxyOnly);
    assert.ok(viaParams.kind === 'findings' && codes(proxyOnly, viaParams.findingIndices).includes('PROXY_NOT_SET_FOR_SYSTEM'));
  });

  it('"名前解決" / "DNS" → DNS findings (capped at 3)', () => {
    for (const q of ['名前解決できないのはなぜ?', 'why does DNS fail?']) {
      const m = matchQuestion(q, dns);
      assert.ok(m.kind === 'findings' && m.findingIndices.length === 3, q);
      if (m.kind === 'findings') assert.ok(codes(dns, m.findingIndices).every((c) => c.startsWith('DNS_RESOLUTION_FAILED')));
    }
  });

  it('"login"/"認証"/"Entra" without a failing sign-in endpoint → status of the Entra ID endpoints', () => {
    for (const q of ['is login ok?', '認証は大丈夫?', 'Entra?']) {
      const m = matchQuestion(q, storage);
      assert.deepEqual(m, { kind: 'topic-status', topic: 'login', services: ['entra-id'] }, q);
    }
  });

  it('"how do I fix it?" / "対処方法は?" → the most severe findings', () => {
    for (const q of ['how do I fix it?', '対処方法を教えてください', 'なぜ失敗したの?']) {
      const m = matchQuestion(q, storage);
      assert.ok(m.kind === 'findings', q);
      if (m.kind === 'findings') assert.equal(storage.findings[m.findingIndices[0]!]!.severity, 'error');
    }
  });

  it('unrelated text → none', () => {
    for (const q of ['what is the weather tomorrow?', 'ありがとう', '', '   ']) assert.deepEqual(matchQuestion(q, storage), { kind: 'none' }, q);
  });

  it('host names are matched whole (no prefix/suffix confusion)', () => {
    const m = matchQuestion('what about login.microsoftonline.com?', storage);
    assert.deepEqual(m, { kind: 'endpoint-status', host: 'login.microsoftonline.com' });
    assert.equal(containsWord('proxying', 'proxy'), false);
    assert.equal(containsWord('the proxy.', 'proxy'), true);
    assert.equal(containsWord('プロキシ設定', 'プロキシ'), true);
  });

  it('stays fast on a long hostile question (linear scanning)', () => {
    const q = `${'a.'.repeat(5000)}${'-'.repeat(5000)} proxy`;
    const m = matchQuestion(q, proxyOnly);
    assert.ok(m.kind === 'findings' || m.kind === 'endpoint-unknown' || m.kind === 'none');
  });
});
