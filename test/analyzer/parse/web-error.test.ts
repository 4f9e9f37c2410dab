import assert from 'node:assert/strict';
import { classifyWebError, statusInParens, storageErrorParts } from '../../../src/analyzer/parse/web-error';

describe('classifyWebError', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['The remote server returned an error: (404) Not Found.', 'ok', undefined],
    ['The remote server returned an error: (403) Forbidden.', 'ok', undefined],
    ['リモート サーバーがエラーを返しました: (400) 要求が不正です', 'ok', undefined],
    ['InvalidQueryParameterValueValue for one of the query parameters specified in the request URI is invalid.', 'ok', undefined],
    ['AuthenticationFailedServer failed to authenticate the request.', 'ok', undefined],
    ['ResourceNotFoundThe specified resource does not exist. RequestId:abc Time:2024-01-01T00:00:00Z', 'ok', undefined],
    ['The remote server returned an error: (407) Proxy Authentication Required.', 'failed', 'proxy-auth'],
    ['Response status code does not indicate success: 404 (Not Found).', 'ok', undefined], // PowerShell 7
    ['Response status code does not indicate success: 407 (Proxy Authentication Required).', 'failed', 'proxy-auth'],
    ["The remote name could not be resolved: 'x.y.z'", 'failed', 'dns'],
    ["The proxy name could not be resolved: 'proxy.local'", 'failed', 'proxy-resolve'],
    ['No such host is known.', 'failed', 'dns'],
    ['Unable to connect to the remote server', 'failed', 'connect'],
    ['No connection could be made because the target machine actively refused it 1.2.3.4:443', 'failed', 'connect'],
    ['The operation has timed out.', 'failed', 'timeout'],
    ['The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.', 'failed', 'tls-trust'],
    ['The remote certificate is invalid according to the validation procedure.', 'failed', 'tls-trust'],
    ['The request was aborted: Could not create SSL/TLS secure channel.', 'failed', 'tls-channel'],
    ['The underlying connection was closed: An unexpected error occurred on a send.', 'failed', 'tls-channel'],
    ['The underlying connection was closed: The connection was closed unexpectedly.', 'failed', 'tls-channel'],
    ['リモート名を解決できませんでした。: \u2018x.y.z\u2019', 'failed', 'dns'],
    ['リモート サーバーに接続できません。', 'failed', 'connect'],
    ['操作はタイムアウトしました', 'failed', 'timeout'],
    ['基になる接続が閉じられました: SSL/TLS のセキュリティで保護されているチャネルに対する信頼関係を確立できませんでした。', 'failed', 'tls-trust'],
    ['要求は中止されました: SSL/TLS のセキュリティで保護されているチャネルを作成できませんでした', 'failed', 'tls-channel'],
    ['基になる接続が閉じられました: 受信時に予期しないエラーが発生しました。', 'failed', 'tls-channel'],
    ['Something else entirely', 'inconclusive', undefined],
  ];
  for (const [msg, state, cause] of cases) {
    it(`${msg.slice(0, 60)} → ${state}${cause ? ` (${cause})` : ''}`, () => {
      const o = classifyWebError(msg);
      assert.equal(o.state, state);
      if (cause !== undefined) assert.equal(o.state === 'failed' ? o.cause : undefined, cause);
    });
  }
  it('the IE engine error is ok with a note', () => {
    assert.deepEqual(classifyWebError('The response content cannot be parsed because the Internet Explorer engine is not available'), { state: 'ok', note: 'ie-engine-unavailable' });
  });
  it('statusInParens finds 3-digit HTTP statuses only', () => {
    assert.equal(statusInParens('error: (404) Not Found'), 404);
    assert.equal(statusInParens('(0x80072EE2) (12) (1234)'), undefined);
  });
});

describe('classifyWebError after messages with the same text before "RequestId:"', () => {
  const STORAGE = 'InvalidQueryParameterValueValue for one of the query parameters specified in the request URI is invalid. RequestId:';
  /** the answer with no remembered prefix that fits `m` */
  const fresh = (m: string): string => {
    classifyWebError('RequestId:x');
    return JSON.stringify(classifyWebError(m));
  };
  const tails = ['abc Time:2024-01-01T00:00:00Z', 'timeout-1234 Time:x', 'x the handshake failed', 'unable to connect', '', 'is not recognized'];
  const heads = [STORAGE, STORAGE.replace('Value for', 'Value fox'), 'The operation has timed out. RequestId:', 'The operation has tamed out. RequestId:', 'Invoke-WebRequest : RequestId:', 'A RequestId:', 'RequestId:'];

  it('gives what the message alone gives, whatever came before (phrases in the unique part, heads one byte apart)', () => {
    for (const h1 of heads) {
      for (const h2 of heads) {
        for (const t of tails) {
          const m = h2 + t;
          const expected = fresh(m);
          classifyWebError('RequestId:x');
          classifyWebError(`${h1}zzz Time:1`);
          classifyWebError(`${h1}zzz Time:2`);
          assert.equal(JSON.stringify(classifyWebError(m)), expected, `${h1} then ${m}`);
        }
      }
    }
  });

  it('a phrase in the unique part of a storage message decides as it would alone', () => {
    classifyWebError(`${STORAGE}aaa Time:1`);
    assert.deepEqual(classifyWebError(`${STORAGE}timeout Time:1`), { state: 'failed', cause: 'timeout' });
    assert.deepEqual(classifyWebError(`${STORAGE}abc Time:1`), { state: 'ok' });
    assert.deepEqual(classifyWebError(`${STORAGE.replace('InvalidQuery', 'InvalidQuerx')}abc Time:1`), { state: 'ok' });
    assert.deepEqual(classifyWebError('InvalidQuerxParameterValueValue RequestId:abc'), { state: 'inconclusive' });
  });
});

describe('classifyWebError remembers answers (a cache only)', () => {
  it('a message asked again (a different string with the same text) gets the same, frozen answer', () => {
    const m = 'The remote server returned an error: (407) Proxy Authentication Required.';
    const first = classifyWebError(m);
    const again = classifyWebError(`${m.slice(0, 10)}${m.slice(10)}`);
    assert.deepEqual(again, { state: 'failed', cause: 'proxy-auth', status: 407 });
    assert.equal(again, first, 'the remembered answer');
    assert.ok(Object.isFrozen(again), 'shared answers cannot be changed by a caller');
  });

  it('gives every message its own answer after many different ones (the memo is emptied when full, never wrong)', () => {
    const answers = new Map<string, string>();
    for (let i = 0; i < 700; i++) {
      const m = i % 2 === 0 ? `The remote server returned an error: (${400 + (i % 90)}) X${i}.` : `Unable to connect ${i}`;
      answers.set(m, JSON.stringify(classifyWebError(m)));
    }
    for (const [m, a] of answers) assert.equal(JSON.stringify(classifyWebError(m)), a, m);
    assert.deepEqual(classifyWebError('Unable to connect 1'), { state: 'failed', cause: 'connect' });
    assert.deepEqual(classifyWebError('The remote server returned an error: (404) X4.'), { state: 'ok', status: 404 });
  });
});

describe('storageErrorParts', () => {
  it('sets a known storage code apart from the message glued to it', () => {
    assert.deepEqual(storageErrorParts('AuthenticationFailedServer failed to authenticate the request.'), { code: 'AuthenticationFailed', message: 'Server failed to authenticate the request.' });
    assert.deepEqual(storageErrorParts('InvalidQueryParameterValueValue for one of the query parameters'), { code: 'InvalidQueryParameterValue', message: 'Value for one of the query parameters' });
  });
  it('leaves other texts alone (no code, a code followed by a space or lower case, a code alone)', () => {
    for (const s of ['Unable to connect to the remote server', 'AuthenticationFailed server', 'AuthenticationFailedserver', 'AuthenticationFailed', '', 'ResourceNotFound: x']) {
      assert.equal(storageErrorParts(s), undefined, s);
    }
  });
});
