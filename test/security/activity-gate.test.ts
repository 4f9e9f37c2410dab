// The gate's decisions (A5, A8) and the auth error classification, as units. The HTTP behaviour
// (statuses, replies, nothing run) is in auth.e2e.test.ts.
import { strict as assert } from 'node:assert';
import { ActivityGate, parseTenantIds, tenantOf } from '../../src/bot/security/activity-gate';
import { AuthTimeoutError, classifyAuthError } from '../../src/bot/security/auth-guard';
import { captureLogger } from './support/guarded-server';

type A = Parameters<ActivityGate['decide']>[0];
const act = (o: Record<string, unknown>) => ({ type: 'message', channelId: 'msteams', conversation: { id: 'c', tenantId: 'T1' }, channelData: { tenant: { id: 't1' } }, ...o }) as unknown as A;

describe('security/activity-gate', () => {
  const { log } = captureLogger();

  it('A5: only msteams passes; "", missing and other channels do not', () => {
    const gate = new ActivityGate({ log });
    assert.equal(gate.decide(act({})).pass, true);
    for (const channelId of ['', undefined, 'webchat', 'emulator', 'MSTEAMS', 42]) {
      assert.deepEqual(gate.decide(act({ channelId })), { pass: false, reason: 'channel' }, String(channelId));
    }
    assert.equal(new ActivityGate({ log, allowedChannelIds: ['msteams', 'emulator'] }).decide(act({ channelId: 'emulator' })).pass, true);
  });

  it('A8: tenant fields are compared case-insensitively and must agree', () => {
    assert.deepEqual(tenantOf({ conversation: { tenantId: 'ABC' }, channelData: { tenant: { id: 'abc' } } }), { tenantId: 'abc', conflict: false });
    assert.deepEqual(tenantOf({ conversation: { tenantId: 'a' }, channelData: { tenant: { id: 'b' } } }), { conflict: true });
    assert.deepEqual(tenantOf({ channelData: { tenant: { id: 'b' } } }), { tenantId: 'b', conflict: false });
    assert.deepEqual(tenantOf({ conversation: { tenantId: 42 } }), { conflict: false });
    const open = new ActivityGate({ log });
    assert.deepEqual(open.decide(act({ channelData: { tenant: { id: 'other' } } })), { pass: false, reason: 'tenant-conflict' });
    assert.equal(open.decide(act({ conversation: { id: 'c' }, channelData: {} })).pass, true, 'no allow-list: a missing tenant passes');
  });

  it('A8: with an allow-list, missing and foreign tenants are refused', () => {
    const gate = new ActivityGate({ log, allowedTenantIds: parseTenantIds(' t1 , T2,') });
    assert.deepEqual(gate.decide(act({})), { pass: true, tenantId: 't1' });
    assert.deepEqual(gate.decide(act({ conversation: { id: 'c' }, channelData: {} })), { pass: false, reason: 'tenant-missing' });
    assert.deepEqual(gate.decide(act({ conversation: { id: 'c', tenantId: 't3' }, channelData: { tenant: { id: 't3' } } })), { pass: false, reason: 'tenant-not-allowed', tenantId: 't3' });
  });
});

describe('security/auth-guard classifyAuthError', () => {
  it('token problems are 401, infrastructure problems 503, unknown errors fail closed (401)', () => {
    const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('x'), { name }, extra);
    assert.equal(classifyAuthError(named('JsonWebTokenError')), 'unauthorized');
    assert.equal(classifyAuthError(named('TokenExpiredError')), 'unauthorized');
    assert.equal(classifyAuthError(named('NotBeforeError')), 'unauthorized');
    assert.equal(classifyAuthError(named('AuthenticationError', { statusCode: 401 })), 'unauthorized');
    assert.equal(classifyAuthError(named('AuthenticationError', { statusCode: 500 })), 'unavailable');
    assert.equal(classifyAuthError(named('FetchError')), 'unavailable');
    assert.equal(classifyAuthError(named('Error', { code: 'ECONNREFUSED' })), 'unavailable');
    assert.equal(classifyAuthError(new SyntaxError('Unexpected token <')), 'unavailable');
    assert.equal(classifyAuthError(new AuthTimeoutError(5)), 'unavailable');
    assert.equal(classifyAuthError(new TypeError('x')), 'unauthorized');
    assert.equal(classifyAuthError('string'), 'unauthorized');
    assert.equal(classifyAuthError(null), 'unauthorized');
  });
});
