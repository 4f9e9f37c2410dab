// runRules serves the per-endpoint rules in one pass over the endpoints (rules/index.ts). On
// generated endpoint sets it must give exactly what running each rule's `run` one by one and
// sorting gives: same findings, same order (ties on severity and line are likely here: few lines).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Aspect } from '../../../src/analyzer/parse/model';
import type { Endpoint, Finding } from '../../../src/analyzer/report';
import { RULES, runRules, sortFindings } from '../../../src/analyzer/rules';
import { pairEndpoints, pairsWhere, ruleContext } from '../../../src/analyzer/rules/rule';
import { makeCtx, pair, proxyCtx, type EvidenceSpec } from './rule-context';

const endpointFields = fc.record({
  host: fc.constantFrom('pod01-manag1.jpe.backup.windowsazure.com', 'pod01-rec2.jpe.backup.windowsazure.com', 'x.blob.core.windows.net', 'login.microsoftonline.com', 'www.example.com'),
  port: fc.constantFrom(443, 3260),
  dns: fc.constantFrom<Endpoint['dns']>('resolved', 'failed', 'unknown'),
  tcp: fc.constantFrom<Endpoint['tcp']>('ok', 'failed', 'not-tested'),
  http: fc.constantFrom<Endpoint['http']>('ok', 'failed', 'inconclusive', 'not-tested'),
  httpCause: fc.option(fc.constantFrom<NonNullable<Endpoint['httpCause']>>('dns', 'connect', 'proxy-resolve', 'timeout', 'proxy-auth', 'tls-trust', 'tls-channel', 'unknown'), { nil: undefined }),
  httpNote: fc.option(fc.constant<'ie-engine-unavailable'>('ie-engine-unavailable'), { nil: undefined }),
  viaProxy: fc.boolean(),
  privateEndpoint: fc.boolean(),
  verdict: fc.constantFrom<Endpoint['verdict']>('ok', 'failed', 'inconclusive'),
});

const evidence = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom<Aspect>('dns', 'tcp', 'http', 'other')).map(([line, a]): EvidenceSpec => [line, `line ${line}`, a]),
  { minLength: 1, maxLength: 4 },
);

const ctxs = fc
  .record({
    endpoints: fc.array(fc.tuple(endpointFields, evidence), { maxLength: 25 }),
    userProxy: fc.boolean(),
    kind: fc.constantFrom('windows-backup', 'linux-backup', 'unknown' as const),
    complete: fc.boolean(),
  })
  .map(({ endpoints, userProxy, kind, complete }) =>
    makeCtx({
      kind,
      complete,
      pairs: endpoints.map(([fields, ev]) => {
        const { httpCause, httpNote, ...rest } = fields;
        const p: Partial<Endpoint> & { host: string } = { ...rest };
        if (httpCause !== undefined) p.httpCause = httpCause;
        if (httpNote !== undefined) p.httpNote = httpNote;
        return pair(p, ev);
      }),
      contexts: userProxy ? [proxyCtx('current-user', { enabled: true, server: '10.2.0.16:8080' }), proxyCtx('system')] : [],
    }),
  );

function ruleByRule(ctx: Parameters<typeof runRules>[0]): Finding[] {
  const all: Finding[] = [];
  for (const rule of RULES) all.push(...rule.run(ctx));
  return sortFindings(all);
}

describe('runRules (one pass for the per-endpoint rules)', () => {
  it('gives the findings of running every rule one by one, in the same order', () => {
    fc.assert(
      fc.property(ctxs, (ctx) => {
        assert.deepStrictEqual(runRules(ctx), ruleByRule(ctx));
      }),
      { numRuns: 1500 },
    );
  });

  it('pairsWhere equals filtering ctx.pairs', () => {
    const tests: ((ep: Endpoint) => boolean)[] = [(ep) => ep.tcp === 'failed', (ep) => ep.service === 'azure-storage', () => true];
    fc.assert(
      fc.property(ctxs, fc.constantFrom(...tests), (ctx, test) => {
        assert.deepStrictEqual(pairsWhere(ctx, test), ctx.pairs.filter((p) => test(p.ep)));
      }),
      { numRuns: 300 },
    );
  });

  it("analyzeText's context makes the same pairs on demand", () => {
    fc.assert(
      fc.property(ctxs, (ctx) => {
        const lazy = ruleContext(ctx.report, ctx.log, ctx.tls);
        assert.deepStrictEqual(lazy.pairs, pairEndpoints(ctx.report.endpoints, ctx.log.endpoints));
        assert.deepStrictEqual(lazy.pairs, ctx.pairs);
        assert.equal(lazy.pairs, lazy.pairs); // made once
        assert.deepStrictEqual(runRules(lazy), runRules(ctx));
      }),
      { numRuns: 200 },
    );
  });

  it('the per-endpoint rules are the ten per-endpoint codes', () => {
    const codes = RULES.filter((r) => r.perEndpoint !== undefined).map((r) => r.code).sort();
    assert.deepEqual(codes, [
      'DNS_RESOLUTION_FAILED', 'HTTP_CONNECT_FAILED', 'HTTP_IE_ENGINE_UNAVAILABLE', 'HTTP_INCONCLUSIVE', 'HTTP_TIMEOUT',
      'PRIVATE_ENDPOINT_SUSPECTED', 'PROXY_AUTH_REQUIRED', 'TCP_CONNECT_FAILED', 'TLS_CHANNEL_FAILED', 'TLS_TRUST_FAILED',
    ]);
  });
});
