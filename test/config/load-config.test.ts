import assert from 'node:assert/strict';
import { ConfigError, DEFAULT_ALLOWED_HOSTS, loadConfig } from '../../src/config/load-config';

describe('loadConfig', () => {
  it('defaults: port 3978, ./data, 20 MB, 30 days, Graph public cloud, anonymous on 127.0.0.1', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.dataDir, './data');
    assert.equal(c.maxUploadBytes, 20 * 1024 * 1024);
    assert.equal(c.reportRetentionDays, 30);
    assert.equal(c.graph.baseUrl, 'https://graph.microsoft.com/v1.0');
    assert.equal(c.graph.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(c.graph.credentials, undefined);
    assert.equal(c.anonymous, true);
    assert.equal(c.host, '127.0.0.1');
    assert.deepEqual(c.download.allowedHosts, [...DEFAULT_ALLOWED_HOSTS]);
    assert.ok(c.download.allowedHosts.includes('*.sharepoint.com'));
    assert.equal(c.download.allowInsecureLoopback, false);
  });

  it('credentials: listens on all interfaces, Graph uses the bot registration', () => {
    const c = loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
    assert.equal(c.anonymous, false);
    assert.equal(c.host, '0.0.0.0');
    assert.deepEqual(c.graph.credentials, { clientId: 'app-id', clientSecret: 'secret' });
  });

  it('empty values in .env count as unset', () => {
    const c = loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', PORT: '' });
    assert.equal(c.anonymous, true);
    assert.equal(c.port, 3978);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', MAX_UPLOAD_BYTES: '-1', LOG_LEVEL: 'loud', REPORT_RETENTION_DAYS: '0' });
      assert.fail('should throw');
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      const joined = err.problems.join('\n');
      for (const name of ['PORT', 'MAX_UPLOAD_BYTES', 'LOG_LEVEL', 'REPORT_RETENTION_DAYS']) assert.ok(joined.includes(name), `${name} in ${joined}`);
      assert.match(err.message, /\.env\.example/);
    }
  });

  it('refuses half-configured credentials', () => {
    assert.throws(() => loadConfig({ MicrosoftAppPassword: 'secret' }), /MicrosoftAppId is empty/);
    assert.throws(() => loadConfig({ MicrosoftAppId: 'id' }), /MicrosoftAppPassword is required/);
    assert.throws(() => loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppTenantId/);
    assert.doesNotThrow(() => loadConfig({ MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }));
  });

  it('DOWNLOAD_ALLOWED_HOSTS: comma list, lower-cased; "*" and URLs refused', () => {
    assert.deepEqual(loadConfig({ DOWNLOAD_ALLOWED_HOSTS: ' Contoso.SharePoint.com , *.files.example ' }).download.allowedHosts, ['contoso.sharepoint.com', '*.files.example']);
    assert.throws(() => loadConfig({ DOWNLOAD_ALLOWED_HOSTS: '*' }), /DOWNLOAD_ALLOWED_HOSTS/);
    assert.throws(() => loadConfig({ DOWNLOAD_ALLOWED_HOSTS: 'https://x.com/a' }), /DOWNLOAD_ALLOWED_HOSTS/);
  });

  it('the insecure loopback switch works only with NODE_ENV=test, never weakening production', () => {
    assert.throws(() => loadConfig({ DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: 'true' }), /only honoured when NODE_ENV=test/);
    assert.throws(() => loadConfig({ NODE_ENV: 'production', DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: '1' }), /NODE_ENV=test/);
    assert.equal(loadConfig({ NODE_ENV: 'test', DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: '1' }).download.allowInsecureLoopback, true);
  });

  it('Graph URLs must be https (loopback http only in tests)', () => {
    assert.throws(() => loadConfig({ GRAPH_BASE_URL: 'http://graph.example.com/v1.0' }), /GRAPH_BASE_URL/);
    const c = loadConfig({ NODE_ENV: 'test', DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: '1', GRAPH_BASE_URL: 'http://127.0.0.1:1234/v1.0/', GRAPH_AUTHORITY_HOST: 'http://127.0.0.1:1234' });
    assert.equal(c.graph.baseUrl, 'http://127.0.0.1:1234/v1.0');
    assert.equal(loadConfig({ GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0' }).graph.baseUrl, 'https://graph.microsoft.us/v1.0');
  });

  it('security lists: tenant GUIDs and exact service URL hosts', () => {
    const c = loadConfig({ ALLOWED_TENANT_IDS: ' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 ,', SERVICE_URL_ALLOWED_HOSTS: 'smba.trafficmanager.net' });
    assert.deepEqual(c.security, { allowedTenantIds: ['72f988bf-86f1-41af-91ab-2d7cd011db47'], serviceUrlAllowedHosts: ['smba.trafficmanager.net'] });
    assert.throws(() => loadConfig({ ALLOWED_TENANT_IDS: 'contoso' }), /ALLOWED_TENANT_IDS/);
    assert.throws(() => loadConfig({ SERVICE_URL_ALLOWED_HOSTS: '*.trafficmanager.net' }), /SERVICE_URL_ALLOWED_HOSTS/);
    assert.deepEqual(loadConfig({}).security, { allowedTenantIds: [], serviceUrlAllowedHosts: [] });
  });

  it('STORAGE: sqlite by default; azure-blob needs a connection string', () => {
    assert.deepEqual(loadConfig({}).storage, { kind: 'sqlite' });
    assert.throws(() => loadConfig({ STORAGE: 'azure-blob' }), /AZURE_STORAGE_CONNECTION_STRING/);
    assert.throws(() => loadConfig({ STORAGE: 'redis' }), /STORAGE/);
    const c = loadConfig({ STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_CONTAINER: 'bot-state' });
    assert.deepEqual(c.storage, { kind: 'azure-blob', connectionString: 'UseDevelopmentStorage=true', container: 'bot-state' });
  });

  it('GRAPH_CLIENT_ID needs GRAPH_CLIENT_SECRET; both override the bot registration', () => {
    assert.throws(() => loadConfig({ GRAPH_CLIENT_ID: 'g' }), /GRAPH_CLIENT_SECRET/);
    const c = loadConfig({ GRAPH_CLIENT_ID: 'g', GRAPH_CLIENT_SECRET: 's' });
    assert.deepEqual(c.graph.credentials, { clientId: 'g', clientSecret: 's' });
  });
});
