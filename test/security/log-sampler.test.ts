import { strict as assert } from 'node:assert';
import { LogSampler } from '../../src/bot/security/log-sampler';

describe('security/log-sampler (A13)', () => {
  it('writes the first N lines per window and kind, then reports how many were left out', () => {
    let now = 0;
    const s = new LogSampler({ perWindow: 3, windowMs: 1000, now: () => now });
    const admitted = Array.from({ length: 10 }, () => s.admit('auth-failed').log);
    assert.deepEqual(admitted, [true, true, true, false, false, false, false, false, false, false]);
    assert.equal(s.admit('other').log, true, 'kinds are independent');
    now = 1000;
    assert.deepEqual(s.admit('auth-failed'), { log: true, suppressed: 7 });
    assert.deepEqual(s.admit('auth-failed'), { log: true, suppressed: 0 });
    s.admit('auth-failed');
    s.admit('auth-failed'); // suppressed
    now = 5000;
    assert.deepEqual(s.admit('auth-failed'), { log: true, suppressed: 1 });
  });
});
