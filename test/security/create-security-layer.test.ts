// The security layer plugs into createBotApp's seams as they are typed (compile-time check),
// and picks the right defaults for local and authenticated mode.
import { strict as assert } from 'node:assert';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotAppOptions } from '../../src/bot/create-bot-app';
import { createSecurityLayer } from '../../src/bot/security/create-security-layer';
import { PolicyEnforcingBotFrameworkAuthentication } from '../../src/bot/security/service-url-policy';
import { captureLogger } from './support/guarded-server';

describe('security/create-security-layer', () => {
  const { log } = captureLogger();

  it("fits createBotApp's wrapAuth / createProcessRequest / middleware seams", () => {
    const layer = createSecurityLayer({ log, anonymous: false, isTest: false, allowedTenantIds: ['t1'] });
    const options: BotAppOptions = { wrapAuth: layer.wrapAuth, createProcessRequest: layer.createProcessRequest, middleware: layer.middleware };
    const auth = options.wrapAuth!(new ConfigurationBotFrameworkAuthentication({}));
    assert.ok(auth instanceof PolicyEnforcingBotFrameworkAuthentication);
    const process = options.createProcessRequest!({ adapter: new CloudAdapter(auth), auth, log });
    assert.equal(typeof process, 'function');
  });

  it('authenticated mode: Teams hosts only, msteams only; local mode: loopback connectors and the Emulator too', () => {
    const prod = createSecurityLayer({ log, anonymous: false, isTest: false });
    assert.equal(prod.policy.isAllowed('http://localhost:3978/'), false);
    assert.equal(prod.policy.isAllowed('https://smba.trafficmanager.net/amer/'), true);
    assert.equal(prod.gate.decide({ type: 'message', channelId: 'emulator' } as never).pass, false);
    const local = createSecurityLayer({ log, anonymous: true, isTest: false });
    assert.equal(local.policy.isAllowed('http://localhost:56150/_connector'), true);
    assert.equal(local.gate.decide({ type: 'message', channelId: 'emulator' } as never).pass, true);
    const custom = createSecurityLayer({ log, anonymous: false, isTest: false, serviceUrlAllowedHosts: ['connector.example.net'] });
    assert.equal(custom.policy.isAllowed('https://connector.example.net/'), true);
    assert.equal(custom.policy.isAllowed('https://smba.trafficmanager.net/amer/'), false);
  });
});
