import assert from 'node:assert/strict';
import { assessTls } from '../../../src/analyzer/parse/tls-assessment';
import type { TlsObservation } from '../../../src/analyzer/parse/model';
import type { TlsKey } from '../../../src/analyzer/report';

const key = (protocol: string, enabled: number | undefined, line: number): TlsKey => ({ protocol, side: 'Client', line, ...(enabled === undefined ? {} : { enabled }) });
const obs = (keys: TlsKey[]): TlsObservation => ({ sectionFound: true, keys, values: [], protocolsListed: [], evidence: [] });
const WS2019 = '10.0.17763';

describe('assessTls: a log cut inside the TLS section', () => {
  it('a complete log without a TLS 1.2 key on 2019 is the OS default', () => {
    assert.equal(assessTls(obs([key('TLS 1.0', 1, 10)]), WS2019, true, true).tls12, 'os-default');
  });
  it('an interrupted log that stopped before the TLS 1.2 key is unknown (the key may have followed)', () => {
    const a = assessTls(obs([key('SSL 3.0', 0, 5), key('TLS 1.0', 1, 10)]), WS2019, true, false);
    assert.equal(a.tls12, 'unknown');
    assert.equal(a.cut, true);
  });
  it('an interrupted log that already printed TLS 1.3 had no TLS 1.2 key: the OS default holds', () => {
    const a = assessTls(obs([key('TLS 1.0', 1, 10), key('TLS 1.3', 1, 20)]), WS2019, true, false);
    assert.equal(a.tls12, 'os-default');
    assert.equal(a.cut, false);
  });
  it('an interrupted log with the TLS 1.2 key keeps its verdict', () => {
    assert.equal(assessTls(obs([key('TLS 1.2', 0, 10)]), WS2019, true, false).tls12, 'disabled');
  });
});

describe('assessTls: a TLS 1.2 key for the Server side only', () => {
  const server = (enabled: number): TlsKey => ({ protocol: 'TLS 1.2', side: 'Server', line: 30, enabled });
  it('before 2012 R2 it leaves the client side unconfigured: as if there were no key', () => {
    const a = assessTls(obs([server(1)]), '6.1.7601', true);
    assert.deepEqual([a.tls12, a.absent], ['disabled', true]);
  });
  it('on 2012 R2 and later it is a TLS 1.2 key like any other', () => {
    assert.equal(assessTls(obs([server(1)]), WS2019, true).tls12, 'enabled');
  });
});
