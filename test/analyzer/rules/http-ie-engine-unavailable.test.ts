import assert from 'node:assert/strict';
import { httpIeEngineUnavailable } from '../../../src/analyzer/rules/http-ie-engine-unavailable';
import { makeCtx, pair } from './rule-context';

describe('rule HTTP_IE_ENGINE_UNAVAILABLE', () => {
  it('info for a reachable endpoint whose response could not be parsed', () => {
    const p = pair({ host: 'login.microsoft.com', http: 'ok', httpNote: 'ie-engine-unavailable' }, [[12, 'Internet Explorer engine is not available', 'http']]);
    const out = httpIeEngineUnavailable.run(makeCtx({ pairs: [p] }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.endpoint]), [['HTTP_IE_ENGINE_UNAVAILABLE', 'info', 'login.microsoft.com']]);
  });
  it('not raised otherwise', () => {
    assert.deepEqual(httpIeEngineUnavailable.run(makeCtx({ pairs: [pair({ host: 'login.microsoft.com' })] })), []);
  });
});
