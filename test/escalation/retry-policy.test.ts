import assert from 'node:assert/strict';
import fc from 'fast-check';
import { backoffDelay, parseRetryAfter, retryDelay, type RetryPolicy } from '../../src/escalation/retry-policy';
import { classifyDeliveryError, DeliveryFailure, isRetryableStatus } from '../../src/escalation/delivery-failure';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const policy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 60_000, retryAfterCapMs: 30_000 };

describe('Retry-After parsing', () => {
  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('1', NOW), 1000);
    assert.equal(parseRetryAfter(' 120 ', NOW), 120_000);
    assert.equal(parseRetryAfter('0', NOW), 0);
  });
  it('reads an HTTP-date relative to now, a past date as 0', () => {
    assert.equal(parseRetryAfter(new Date(NOW + 45_000).toUTCString(), NOW), 45_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW), 0);
  });
  it('ignores what is neither', () => {
    for (const v of [undefined, null, '', '-5', '1.5', 'soon', '12abc', 'Thu, 99 Foo 2026 GMT', '   ']) {
      assert.equal(parseRetryAfter(v, NOW), undefined, String(v));
    }
  });
  it('caps absurd numbers instead of overflowing', () => {
    assert.equal(parseRetryAfter('99999999999999999999', NOW), Number.MAX_SAFE_INTEGER);
  });
  it('never throws and never returns a negative or non-finite number', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseRetryAfter(s, NOW);
        return v === undefined || (Number.isFinite(v) && v >= 0);
      }),
    );
  });
});

describe('retry schedule', () => {
  it('doubles from the base up to the cap, with equal jitter', () => {
    const lows = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => backoffDelay(a, policy, () => 0));
    const highs = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => backoffDelay(a, policy, () => 1));
    assert.deepEqual(highs, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    assert.deepEqual(lows, highs.map((h) => h / 2));
  });

  it('honours Retry-After within [base, cap] and ignores backoff then', () => {
    assert.equal(retryDelay(1, 5_000, policy, () => 0), 5_000);
    assert.equal(retryDelay(7, 5_000, policy, () => 0), 5_000);
    // capped: a server asking for 120 s waits 30 s here
    assert.equal(retryDelay(1, 120_000, policy, () => 0), 30_000);
    assert.equal(retryDelay(1, 120_000, policy, () => 1), 30_000);
    // floored: "Retry-After: 0" cannot become a hot loop
    assert.equal(retryDelay(1, 0, policy, () => 0), 1_000);
    // jitter stays small
    assert.ok(retryDelay(1, 5_000, policy, () => 1) <= 5_500);
  });

  it('is always within bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, ra, r) => {
        const d = retryDelay(attempt, ra, policy, () => r);
        return d >= 500 && d <= Math.max(policy.maxDelayMs, policy.retryAfterCapMs);
      }),
    );
  });
});

describe('delivery failure classification', () => {
  it('retries 429, 412, 408 and 5xx (not 501/505), not other 4xx', () => {
    for (const s of [429, 412, 408, 500, 502, 503, 504]) assert.equal(isRetryableStatus(s), true, String(s));
    for (const s of [400, 401, 403, 404, 409, 501, 505]) assert.equal(isRetryableStatus(s), false, String(s));
  });

  it('reads status and Retry-After from a botbuilder RestError', () => {
    const err = Object.assign(new Error('throttled'), {
      name: 'RestError',
      statusCode: 429,
      response: { headers: { get: (n: string) => (n === 'retry-after' ? '7' : undefined) } },
    });
    const f = classifyDeliveryError(err, NOW, 'post-thread');
    assert.equal(f.retryable, true);
    assert.equal(f.status, 429);
    assert.equal(f.retryAfterMs, 7000);
    assert.equal(f.reason, 'post-thread: HTTP 429');
  });

  it('treats network errors (also nested in fetch causes) as retryable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.equal(classifyDeliveryError(refused, NOW, 'x').retryable, true);
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    assert.equal(classifyDeliveryError(fetchFailed, NOW, 'x').reason, 'x: network ECONNREFUSED');
    const timeout = new DOMException('timed out', 'TimeoutError');
    assert.equal(classifyDeliveryError(timeout, NOW, 'x').retryable, true);
  });

  it('never retries a refused service URL', () => {
    const err = Object.assign(new Error('serviceUrl refused: host-not-allowed'), { name: 'ServiceUrlRefusedError' });
    const f = classifyDeliveryError(err, NOW, 'post-thread');
    assert.equal(f.retryable, false);
    assert.match(f.reason, /refused/);
  });

  it('passes a DeliveryFailure through', () => {
    const f = new DeliveryFailure('x', { retryable: false, status: 400 });
    assert.equal(classifyDeliveryError(f, NOW, 'y'), f);
  });
});
