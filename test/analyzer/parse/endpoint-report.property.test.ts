// toEndpoint builds the usual entry as one object literal and takes over the observation's arrays,
// endpointBuilder also compiles the proxy bypass lists once (endpoint-report.ts). These tests compare it with the plain field-by-field build that copies, on
// generated observations (same JSON, same key order), and check that no two endpoints of a real
// report share an array.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../../src/analyzer/analyze-text';
import { endpointBuilder, toEndpoint, verdictOf, viaProxyOf } from '../../../src/analyzer/parse/endpoint-report';
import { geoOfHost, isPrivateAddress, isPrivateLinkName, serviceOf } from '../../../src/analyzer/parse/hosts';
import type { Aspect, EndpointObservation, ProxyObservation } from '../../../src/analyzer/parse/model';
import { byLine } from '../../../src/analyzer/parse/text';
import type { Endpoint, LogKind } from '../../../src/analyzer/report';
import { synthLog } from '../../../src/bench/synth-log';
import { decodeForTest } from '../support/decode';

/** The report entry built the plain way (as before the fast path): field by field, arrays copied. */
function plainEndpoint(obs: EndpointObservation, kind: LogKind, proxies: readonly ProxyObservation[]): Endpoint {
  const service = obs.service;
  const viaProxy = viaProxyOf(obs, kind, proxies);
  let dns = obs.dns;
  if (dns === 'unknown') {
    if (obs.tcp === 'ok' || (obs.http === 'ok' && !viaProxy) || obs.addresses.length > 0) dns = 'resolved';
    else if (obs.httpCause === 'dns' && !viaProxy) dns = 'failed';
  }
  const privateEndpoint =
    ['azure-backup', 'file-recovery', 'azure-storage', 'site-recovery'].includes(service) &&
    (obs.addresses.some(isPrivateAddress) || obs.aliases.some(isPrivateLinkName) || isPrivateLinkName(obs.host));
  const ep = { host: obs.host, port: obs.port, service } as Endpoint;
  const geo = geoOfHost(obs.host);
  if (geo !== undefined) ep.geo = geo;
  ep.dns = dns;
  ep.addresses = obs.addresses.slice();
  ep.aliases = obs.aliases.slice();
  ep.tcp = obs.tcp;
  ep.http = obs.http;
  if (obs.httpDetail !== undefined) ep.httpDetail = obs.httpDetail;
  if (obs.httpCause !== undefined) ep.httpCause = obs.httpCause;
  if (obs.httpStatus !== undefined) ep.httpStatus = obs.httpStatus;
  if (obs.httpNote !== undefined) ep.httpNote = obs.httpNote;
  ep.viaProxy = viaProxy;
  ep.privateEndpoint = privateEndpoint;
  ep.verdict = verdictOf(obs);
  ep.evidence = byLine(obs.evidence);
  return ep;
}

const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

const observation: fc.Arbitrary<EndpointObservation> = fc
  .record({
    host: fc.constantFrom('pod01-manag1.jpe.backup.windowsazure.com', 'pod01-rec2.jpw.backup.windowsazure.com', 'x.blob.core.windows.net', 'acct.privatelink.blob.core.windows.net', 'login.microsoftonline.com', 'intranet', 'www.example.com'),
    port: fc.constantFrom(443, 3260),
    dns: fc.constantFrom('resolved', 'failed', 'unknown'),
    addresses: fc.array(fc.constantFrom('20.1.2.3', '10.0.0.4', '192.168.1.1', 'fd00::1', '104.1.1.1'), { maxLength: 3 }),
    aliases: fc.array(fc.constantFrom('x.privatelink.blob.core.windows.net', 'ak.privatelink.msidentity.com', 'cdn.example.net'), { maxLength: 2 }),
    tcp: fc.constantFrom('ok', 'failed', 'not-tested'),
    http: fc.constantFrom('ok', 'failed', 'inconclusive', 'not-tested'),
    httpDetail: opt(fc.constantFrom('(404) Not Found', 'Unable to connect to the remote server')),
    httpCause: opt(fc.constantFrom('dns', 'connect', 'timeout', 'proxy-auth', 'tls-trust', 'tls-channel', 'unknown')),
    httpStatus: opt(fc.constantFrom(400, 404, 407)),
    httpNote: opt(fc.constant('ie-engine-unavailable' as const)),
    webStarted: fc.boolean(),
    webScheme: opt(fc.constantFrom('http', 'https')),
    cut: fc.boolean(),
    proxyProven: opt(fc.boolean()),
    proxyRefused: opt(fc.boolean()),
    lines: fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.constantFrom<Aspect>('dns', 'tcp', 'http', 'other')), { maxLength: 8 }),
  })
  .map(({ lines, ...o }) => ({
    ...o,
    service: serviceOf(o.host),
    firstLine: 1,
    evidence: lines.map(([line]) => ({ line, text: `line ${line}` })),
    aspects: lines.map(([, a]) => a),
  }));

const proxies: fc.Arbitrary<ProxyObservation[]> = fc.array(
  fc.record({
    context: fc.constantFrom('current-user', 'env-http', 'env-https', 'system'),
    found: fc.boolean(),
    enabled: fc.boolean(),
    server: fc.constantFrom(null, '10.2.0.16:8080'),
    bypass: fc.array(fc.constantFrom('<local>', '*.blob.core.windows.net', '.windows.net', 'intranet', '*', '*.backup.windowsazure.com', 'LOGIN.microsoftonline.com', '*rec*'), { maxLength: 3 }),
    denied: fc.constant(false),
    notFound: fc.constant(false),
    evidence: fc.constant([]),
  }),
  { maxLength: 3 },
);

function arraysOf(ep: Endpoint): unknown[] {
  return [ep.addresses, ep.aliases, ep.evidence].filter((a) => a !== undefined);
}

describe('toEndpoint / endpointBuilder', () => {
  it('gives the same entry as the plain field-by-field build (JSON and key order)', () => {
    const kind = fc.constantFrom<LogKind>('windows-backup', 'linux-backup', 'windows-asr', 'unknown');
    fc.assert(
      fc.property(observation, kind, proxies, (obs, k, px) => {
        const want = plainEndpoint(obs, k, px);
        for (const got of [toEndpoint(obs, k, px), endpointBuilder(k, px)(obs)]) {
          assert.deepStrictEqual(got, want);
          assert.equal(JSON.stringify(got), JSON.stringify(want));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('evidence out of line order is sorted in a copy (the observation keeps its order, aligned with aspects)', () => {
    const obs: EndpointObservation = {
      host: 'x.blob.core.windows.net', port: 443, service: 'azure-storage', firstLine: 1, dns: 'resolved', addresses: [], aliases: [],
      tcp: 'ok', http: 'ok', webStarted: true, cut: false, evidence: [{ line: 9, text: 'b' }, { line: 3, text: 'a' }], aspects: ['http', 'dns'],
    };
    const ep = toEndpoint(obs, 'windows-backup', []);
    assert.deepEqual(ep.evidence.map((e) => e.line), [3, 9]);
    assert.deepEqual(obs.evidence.map((e) => e.line), [9, 3]);
  });

  it('no two endpoints of a report share an array (fixtures and synthetic logs)', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'logs');
    const texts = readdirSync(dir).filter((f) => !f.endsWith('.json')).map((f) => decodeForTest(readFileSync(join(dir, f))).text);
    texts.push(synthLog({ endpoints: 300, failEvery: 3, seed: 5 }).text, synthLog({ endpoints: 200, failEvery: 4, seed: 9, lang: 'ja' }).text);
    for (const text of texts) {
      const seen = new Set<unknown>();
      for (const ep of analyzeText(text, { encoding: 'utf-8' }).endpoints) {
        for (const a of arraysOf(ep)) {
          assert.ok(!seen.has(a), `${ep.host}:${ep.port} shares an array with another endpoint`);
          seen.add(a);
        }
      }
    }
  });
});
