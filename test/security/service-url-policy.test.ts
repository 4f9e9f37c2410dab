// A12 (validator): the bot's token goes only to exact, https, default-port Teams connector hosts.
// Plus the kept ConnectorClients: reused per serviceUrl, never handed out for a refused one.
import { strict as assert } from 'node:assert';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import {
  ConnectorClientCache,
  DEFAULT_SERVICE_URL_HOSTS,
  KeyedPromiseCache,
  parseServiceUrlAllowedHosts,
  PolicyEnforcingBotFrameworkAuthentication,
  ServiceUrlPolicy,
  ServiceUrlRefusedError,
} from '../../src/bot/security/service-url-policy';

function reasonOf(policy: ServiceUrlPolicy, url: unknown): string | undefined {
  try {
    policy.check(url);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof ServiceUrlRefusedError);
    return err.reason;
  }
}

describe('security/service-url-policy (A12)', () => {
  const policy = new ServiceUrlPolicy();

  it("allows Teams' connector hosts (public, GCC, GCC High, DoD)", () => {
    for (const url of [
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/teams/',
      'https://SMBA.TrafficManager.net/apac',
      'https://smba.trafficmanager.net:443/jp/',
      'https://smba.infra.gcc.teams.microsoft.com/gcc/',
      'https://smba.infra.gov.teams.microsoft.us/gcch/',
      'https://smba.infra.dod.teams.microsoft.us/teams/',
    ]) {
      assert.equal(reasonOf(policy, url), undefined, url);
    }
    assert.equal(DEFAULT_SERVICE_URL_HOSTS.length, 4);
  });

  it('refuses lookalikes, http, other ports, IP literals, credentials and junk', () => {
    const cases: [unknown, string][] = [
      ['https://evil-trafficmanager.net/amer/', 'host-not-allowed'],
      ['https://smba.trafficmanager.net.evil.com/amer/', 'host-not-allowed'],
      ['https://evil.smba.trafficmanager.net/amer/', 'host-not-allowed'],
      ['https://trafficmanager.net/', 'host-not-allowed'],
      ['http://smba.trafficmanager.net/amer/', 'not-https'],
      ['https://smba.trafficmanager.net:444/amer/', 'port'],
      ['https://52.112.0.1/amer/', 'ip-literal'],
      ['https://[2603:1036::1]/', 'ip-literal'],
      ['https://user:pw@smba.trafficmanager.net/amer/', 'credentials'],
      ['http://127.0.0.1:3978/', 'not-https'],
      ['http://localhost:56150/_connector', 'not-https'],
      ['ftp://smba.trafficmanager.net/', 'not-https'],
      ['not a url', 'unparsable'],
      ['', 'unparsable'],
      [undefined, 'unparsable'],
      [42, 'unparsable'],
    ];
    for (const [url, reason] of cases) assert.equal(reasonOf(policy, url), reason, String(url));
  });

  it('loopback is allowed only when asked (local anonymous mode, tests), and still only loopback', () => {
    const local = new ServiceUrlPolicy({ allowLoopback: true });
    assert.equal(reasonOf(local, 'http://localhost:56150/_connector'), undefined);
    assert.equal(reasonOf(local, 'http://127.0.0.1:40000/'), undefined);
    assert.equal(reasonOf(local, 'http://[::1]:40000/'), undefined);
    assert.equal(reasonOf(local, 'http://10.0.0.1:40000/'), 'not-https');
    assert.equal(reasonOf(local, 'https://evil.example.com/'), 'host-not-allowed');
    assert.equal(local.isAllowed('https://smba.trafficmanager.net/amer/'), true);
  });

  it('a configured list replaces the default; exact hosts only', () => {
    const custom = new ServiceUrlPolicy({ allowedHosts: parseServiceUrlAllowedHosts('frontend.botapi.msg.infra.teams.microsoftonline.cn').hosts });
    assert.equal(custom.isAllowed('https://frontend.botapi.msg.infra.teams.microsoftonline.cn/'), true);
    assert.equal(custom.isAllowed('https://smba.trafficmanager.net/amer/'), false);
    assert.deepEqual(parseServiceUrlAllowedHosts(undefined).hosts, [...DEFAULT_SERVICE_URL_HOSTS]);
    const bad = parseServiceUrlAllowedHosts('*.trafficmanager.net, https://x.com, x.com:443, ok.example.com');
    assert.deepEqual(bad.hosts, ['ok.example.com']);
    assert.equal(bad.problems.length, 3);
    assert.equal(parseServiceUrlAllowedHosts(' , ').problems.length, 1);
  });
});

describe('security/service-url-policy: kept ConnectorClients', () => {
  const env = { MicrosoftAppId: '', MicrosoftAppPassword: '' };
  const claims = new ClaimsIdentity([], 'anonymous');

  it('one client per serviceUrl across turns, decorated once; the policy still refuses on every call', async () => {
    const decorated: ConnectorClient[] = [];
    const auth = new PolicyEnforcingBotFrameworkAuthentication(
      new ConfigurationBotFrameworkAuthentication(env),
      new ServiceUrlPolicy({ allowLoopback: true }),
      (client) => {
        decorated.push(client);
        return client;
      },
      new ConnectorClientCache(),
    );
    // a factory per turn, as the CloudAdapter asks for one on every activity
    const a1 = await auth.createConnectorFactory(claims).create('http://127.0.0.1:3999/', 'aud-x');
    const a2 = await auth.createConnectorFactory(claims).create('http://127.0.0.1:3999/', 'aud-x');
    const b = await auth.createConnectorFactory(claims).create('http://127.0.0.1:4000/', 'aud-x');
    assert.equal(a1, a2, 'the second turn reuses the client');
    assert.notEqual(a1, b, 'another serviceUrl has its own client');
    assert.deepEqual(decorated, [a1, b], 'decorated (paced) once per client');
    for (let i = 0; i < 2; i++) {
      await assert.rejects(auth.createConnectorFactory(claims).create('https://evil.example.com/', 'aud-x'), ServiceUrlRefusedError);
    }
    assert.equal(await auth.createUserTokenClient(claims), await auth.createUserTokenClient(claims), 'one UserTokenClient');
  });

  it('without a cache every call makes a new client (the seam can turn reuse off)', async () => {
    const auth = new PolicyEnforcingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(env), new ServiceUrlPolicy({ allowLoopback: true }));
    const f = auth.createConnectorFactory(claims);
    assert.notEqual(await f.create('http://127.0.0.1:3999/', 'aud-x'), await f.create('http://127.0.0.1:3999/', 'aud-x'));
  });

  it('a creation that fails is not kept', async () => {
    const cache = new KeyedPromiseCache<number>(2);
    await assert.rejects(cache.get('k', () => Promise.reject(new Error('no credentials'))));
    assert.equal(await cache.get('k', () => Promise.resolve(1)), 1);
    await cache.get('k2', () => Promise.resolve(2));
    await cache.get('k3', () => Promise.resolve(3));
    assert.equal(cache.size(), 2, 'bounded: the oldest went out');
    assert.equal(await cache.get('k', () => Promise.resolve(4)), 4);
  });
});
