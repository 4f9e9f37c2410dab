import assert from 'node:assert/strict';
import { ConfigError } from '../../src/config/load-config';
import { loadEscalationConfig, parseMention } from '../../src/escalation/escalation-config';
import { DEFAULT_RETRY_POLICY } from '../../src/escalation/retry-policy';

describe('escalation config', () => {
  it('defaults: no target, no mention, no webhook, the default retry policy', () => {
    const config = loadEscalationConfig({});
    assert.deepEqual(config, { retry: DEFAULT_RETRY_POLICY, drainIntervalMs: 15_000, leaseMs: 120_000, sendTimeoutMs: 30_000 });
  });

  it('reads the environment target, mention, webhook and tuning', () => {
    const config = loadEscalationConfig({
      ESCALATION_TEAM_ID: '19:team@thread.tacv2',
      ESCALATION_CHANNEL_ID: '19:eng@thread.tacv2',
      ESCALATION_SERVICE_URL: 'https://smba.trafficmanager.net/apac/',
      ESCALATION_TENANT_ID: 'tenant-1',
      ESCALATION_LANG: 'ja',
      ESCALATION_MENTION: 'tag:MjQzMmI1N2I|Backup On-Call',
      ESCALATION_WEBHOOK_URL: 'https://prod-00.japaneast.logic.azure.com/workflows/x',
      ESCALATION_WEBHOOK_SECRET: 'secret',
      ESCALATION_MAX_ATTEMPTS: '5',
      ESCALATION_RETRY_BASE_MS: '100',
      ESCALATION_RETRY_MAX_MS: '1000',
      ESCALATION_RETRY_AFTER_CAP_MS: '2000',
    });
    assert.deepEqual(config.envTarget, { teamId: '19:team@thread.tacv2', channelId: '19:eng@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/apac/', tenantId: 'tenant-1' });
    assert.equal(config.engineerLang, 'ja');
    assert.deepEqual(config.mention, { kind: 'tag', id: 'MjQzMmI1N2I', name: 'Backup On-Call' });
    assert.equal(config.webhook?.secret, 'secret');
    assert.deepEqual(config.retry, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, retryAfterCapMs: 2000 });
  });

  it('user mentions: "<id>|<name>"', () => {
    const problems: string[] = [];
    assert.deepEqual(parseMention('29:1abc|山田 太郎', problems), { kind: 'user', id: '29:1abc', name: '山田 太郎' });
    assert.deepEqual(parseMention('8f6e2c1a-0000-4000-8000-000000000000 | On-call', problems), { kind: 'user', id: '8f6e2c1a-0000-4000-8000-000000000000', name: 'On-call' });
    assert.deepEqual(problems, []);
  });

  it('lists every problem at once', () => {
    assert.throws(
      () =>
        loadEscalationConfig({
          ESCALATION_TEAM_ID: 'only-team',
          ESCALATION_MENTION: 'tag:Backup On-Call',
          ESCALATION_WEBHOOK_URL: 'http://hooks.example.com/x',
        }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.equal(err.problems.length, 4, err.problems.join('\n'));
        assert.match(err.message, /ESCALATION_TEAM_ID and ESCALATION_CHANNEL_ID go together/);
        assert.match(err.message, /a tag needs its id and name/);
        assert.match(err.message, /must be an https:\/\/ URL/);
        assert.match(err.message, /ESCALATION_WEBHOOK_SECRET is required/);
        return true;
      },
    );
  });

  it('lets a loopback http webhook through only in tests', () => {
    assert.ok(loadEscalationConfig({ NODE_ENV: 'test', ESCALATION_WEBHOOK_URL: 'http://127.0.0.1:9/x', ESCALATION_WEBHOOK_SECRET: 's' }).webhook);
    assert.throws(() => loadEscalationConfig({ ESCALATION_WEBHOOK_URL: 'http://127.0.0.1:9/x', ESCALATION_WEBHOOK_SECRET: 's' }), ConfigError);
  });
});
