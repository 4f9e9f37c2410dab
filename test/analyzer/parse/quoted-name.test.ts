import assert from 'node:assert/strict';
import { quotedName } from '../../../src/analyzer/parse/blocks/web-request-block';

describe('quotedName (the host .NET says it could not resolve)', () => {
  for (const [message, name] of [
    ["The remote name could not be resolved: 'proxy.contoso.local'", 'proxy.contoso.local'],
    ['The remote name could not be resolved: \u2018login.microsoft.com\u2019.', 'login.microsoft.com'],
    ["リモート名を解決できませんでした。: 'pod01-manag1.jpe.backup.windowsazure.com'", 'pod01-manag1.jpe.backup.windowsazure.com'],
    ['Unable to connect to the remote server', ''],
    ["'", ''],
  ] as const) {
    it(`${JSON.stringify(message)} → ${JSON.stringify(name)}`, () => assert.equal(quotedName(message), name));
  }
});
