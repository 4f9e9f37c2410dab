// One call that yields the three seams createBotApp offers for security: `wrapAuth` (serviceUrl
// policy on every outbound connector), `createProcessRequest` (the auth guard replacing
// adapter.process) and the gate middleware (channel + tenant). Spread the result into the
// createBotApp options.
import type { CloudAdapter, Middleware } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';
import { ActivityGate } from './activity-gate';
import { AuthGuard, type GuardRequest, type GuardResponse, type TurnLogic } from './auth-guard';
import { ConnectorClientCache, PolicyEnforcingBotFrameworkAuthentication, ServiceUrlPolicy, type ConnectorClientDecorator } from './service-url-policy';

export interface SecurityLayerOptions {
  log: Logger;
  /** no MicrosoftAppId: local Playground/Emulator mode */
  anonymous: boolean;
  /** NODE_ENV=test: fake connectors on loopback */
  isTest: boolean;
  /** SERVICE_URL_ALLOWED_HOSTS (exact hosts); default Teams' connector hosts */
  serviceUrlAllowedHosts?: readonly string[];
  /** ALLOWED_TENANT_IDS; empty: any tenant */
  allowedTenantIds?: readonly string[];
  /** default ['msteams'], plus 'emulator' in anonymous mode */
  allowedChannelIds?: readonly string[];
  authTimeoutMs?: number;
  /** applied to every ConnectorClient (limits: `(c) => paceConnectorClient(c, pacer)`) */
  decorateConnectorClient?: ConnectorClientDecorator;
  /** reuse ConnectorClients across turns and sends (default true; see ConnectorClientCache) */
  reuseConnectorClients?: boolean;
}

export interface SecurityLayer {
  policy: ServiceUrlPolicy;
  gate: ActivityGate;
  middleware: Middleware[];
  wrapAuth: (auth: BotFrameworkAuthentication) => BotFrameworkAuthentication;
  createProcessRequest: (parts: { adapter: CloudAdapter; auth: BotFrameworkAuthentication; log: Logger }) => (req: GuardRequest, res: GuardResponse, logic: TurnLogic) => Promise<void>;
}

export function createSecurityLayer(options: SecurityLayerOptions): SecurityLayer {
  const policy = new ServiceUrlPolicy({
    ...(options.serviceUrlAllowedHosts && options.serviceUrlAllowedHosts.length > 0 ? { allowedHosts: options.serviceUrlAllowedHosts } : {}),
    // anonymous mode sends no token; tests talk to fake connectors on 127.0.0.1
    allowLoopback: options.anonymous || options.isTest,
  });
  const allowedChannelIds = options.allowedChannelIds ?? (options.anonymous ? ['msteams', 'emulator'] : ['msteams']);
  const gate = new ActivityGate({
    log: options.log,
    allowedChannelIds,
    ...(options.allowedTenantIds ? { allowedTenantIds: options.allowedTenantIds } : {}),
  });
  return {
    policy,
    gate,
    middleware: [gate],
    wrapAuth: (auth) =>
      new PolicyEnforcingBotFrameworkAuthentication(auth, policy, options.decorateConnectorClient, options.reuseConnectorClients === false ? undefined : new ConnectorClientCache()),
    createProcessRequest: ({ adapter, auth, log }) => {
      const guard = new AuthGuard({
        adapter,
        auth,
        log,
        allowedChannelIds,
        serviceUrlPolicy: policy,
        ...(options.authTimeoutMs !== undefined ? { authTimeoutMs: options.authTimeoutMs } : {}),
      });
      return (req, res, logic) => guard.process(req, res, logic);
    },
  };
}
