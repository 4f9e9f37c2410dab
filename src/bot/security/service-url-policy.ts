// Where the bot's own Bot Connector token may go. Every outbound call to a Bot Connector carries
// a bearer token for our app, so a conversation reference with a hostile serviceUrl (stored,
// replayed, or sent by an Emulator-style client) would hand that token to anyone. Policy: https,
// default port, exact host from SERVICE_URL_ALLOWED_HOSTS (default: Teams' connector hosts),
// checked before any network I/O — at inbound time and for every proactive send, by wrapping
// the BotFrameworkAuthentication's ConnectorFactory (every outbound ConnectorClient is made there).
import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { isIpLiteral, isLoopbackAddress, normalizeHost } from '../../net/address-policy';

/**
 * Teams' Bot Connector hosts: public cloud (regions are paths: /amer/, /emea/, /apac/, /teams/ …),
 * GCC, GCC High, DoD. Other clouds (21Vianet) are added through SERVICE_URL_ALLOWED_HOSTS.
 */
export const DEFAULT_SERVICE_URL_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

export type ServiceUrlRefusal = 'unparsable' | 'not-https' | 'credentials' | 'port' | 'ip-literal' | 'host-not-allowed';

export class ServiceUrlRefusedError extends Error {
  override readonly name = 'ServiceUrlRefusedError';
  constructor(
    readonly reason: ServiceUrlRefusal,
    /** scheme + host only */
    readonly logMessage: string,
  ) {
    super(`serviceUrl refused: ${reason}`);
  }
}

export interface ServiceUrlPolicyOptions {
  /** exact host names; default DEFAULT_SERVICE_URL_HOSTS */
  allowedHosts?: readonly string[];
  /**
   * Local anonymous mode and tests: also allow http(s)://localhost / 127.x / [::1] on any port
   * (the Emulator, the Agents Playground, fake connectors). Anonymous mode sends no token.
   */
  allowLoopback?: boolean;
}

export class ServiceUrlPolicy {
  private readonly hosts: ReadonlySet<string>;
  private readonly allowLoopback: boolean;

  constructor(options: ServiceUrlPolicyOptions = {}) {
    this.hosts = new Set((options.allowedHosts ?? DEFAULT_SERVICE_URL_HOSTS).map(normalizeHost));
    this.allowLoopback = options.allowLoopback === true;
  }

  /** Throws ServiceUrlRefusedError unless the URL may receive the bot's token. */
  check(serviceUrl: unknown): void {
    if (typeof serviceUrl !== 'string' || serviceUrl === '') throw new ServiceUrlRefusedError('unparsable', 'serviceUrl missing');
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      throw new ServiceUrlRefusedError('unparsable', 'serviceUrl not a URL');
    }
    const where = `${url.protocol}//${url.host}`;
    const host = normalizeHost(url.hostname);
    const loopback = this.allowLoopback && (host === 'localhost' || isLoopbackAddress(host));
    if (loopback && (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '') return;
    if (url.protocol !== 'https:') throw new ServiceUrlRefusedError('not-https', `serviceUrl not https: ${where}`);
    if (url.username !== '' || url.password !== '') throw new ServiceUrlRefusedError('credentials', `serviceUrl with credentials: ${where}`);
    if (url.port !== '') throw new ServiceUrlRefusedError('port', `serviceUrl with a non-default port: ${where}`);
    if (isIpLiteral(host)) throw new ServiceUrlRefusedError('ip-literal', `serviceUrl is an IP literal: ${where}`);
    if (!this.hosts.has(host)) throw new ServiceUrlRefusedError('host-not-allowed', `serviceUrl host not allowed: ${where}`);
  }

  isAllowed(serviceUrl: unknown): boolean {
    try {
      this.check(serviceUrl);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * "a.com, b.com" → exact hosts. Wildcards, schemes, paths and ports are refused: the token may
 * only go to hosts named in full.
 */
export function parseServiceUrlAllowedHosts(value: string | undefined): { hosts: string[]; problems: string[] } {
  if (value === undefined || value.trim() === '') return { hosts: [...DEFAULT_SERVICE_URL_HOSTS], problems: [] };
  const hosts: string[] = [];
  const problems: string[] = [];
  for (const raw of value.split(',')) {
    const h = raw.trim().toLowerCase();
    if (h === '') continue;
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h)) {
      problems.push(`SERVICE_URL_ALLOWED_HOSTS: "${raw.trim()}" must be an exact host name (no scheme, port, path or wildcard)`);
      continue;
    }
    hosts.push(h);
  }
  if (hosts.length === 0 && problems.length === 0) problems.push('SERVICE_URL_ALLOWED_HOSTS: no host listed');
  return { hosts, problems };
}

/** Applied to every ConnectorClient after the policy check (e.g. per-conversation send pacing). */
export type ConnectorClientDecorator = (client: ConnectorClient) => ConnectorClient;

/** Promises kept by key, oldest out beyond `maxEntries`; a rejected one is dropped (retried next time). */
export class KeyedPromiseCache<T> {
  private readonly items = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    const kept = this.items.get(key);
    if (kept) return kept;
    const made = create();
    this.items.set(key, made);
    if (this.items.size > this.maxEntries) this.items.delete(this.items.keys().next().value!);
    made.catch(() => {
      if (this.items.get(key) === made) this.items.delete(key);
    });
    return made;
  }

  size(): number {
    return this.items.size;
  }
}

/**
 * ConnectorClients kept for reuse, per bot app id + audience + serviceUrl. botbuilder's factory
 * makes a new client (HTTP pipeline, keep-alive agent, credentials) for every turn and every
 * proactive send, so each call opened a new connection; a kept client reuses its connections.
 * Tokens are cached by botbuilder per app id + scope (AppCredentials.cache) and refreshed by the
 * client's credentials, so a kept client stays valid. Few keys in practice (Teams' regional
 * serviceUrls); bounded anyway, oldest out first.
 */
export class ConnectorClientCache {
  private readonly clients: KeyedPromiseCache<ConnectorClient>;
  /** botbuilder also makes a UserTokenClient (its own HTTP pipeline) for every turn; the bot signs nobody in, so one per app id */
  readonly userTokenClients = new KeyedPromiseCache<UserTokenClient>(8);

  constructor(maxEntries = 64) {
    this.clients = new KeyedPromiseCache(maxEntries);
  }

  get(key: string, create: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    return this.clients.get(key, create);
  }

  size(): number {
    return this.clients.size();
  }
}

/** The bot app id botbuilder's factory uses for these claims (audience, or appid for the Emulator). */
function appIdOf(claims: ClaimsIdentity | undefined): string {
  return claims?.getClaimValue('aud') ?? claims?.getClaimValue('appid') ?? '';
}

class PolicyConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly policy: ServiceUrlPolicy,
    private readonly decorate: ConnectorClientDecorator | undefined,
    private readonly cache: { clients: ConnectorClientCache; appId: string } | undefined,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    // checked on every call, kept client or not: a refused URL never gets one
    this.policy.check(serviceUrl);
    const make = async () => {
      const client = await this.inner.create(serviceUrl, audience);
      return this.decorate ? this.decorate(client) : client;
    };
    if (!this.cache) return make();
    return this.cache.clients.get(`${this.cache.appId}\u0000${audience ?? ''}\u0000${serviceUrl}`, make);
  }
}

/**
 * Wraps the auth object given to the CloudAdapter so that every ConnectorClient — turn replies,
 * continueConversationAsync, createConversationAsync — is only ever created for an allowed
 * serviceUrl. A refused URL rejects with ServiceUrlRefusedError before any token is fetched.
 */
export class PolicyEnforcingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    readonly policy: ServiceUrlPolicy,
    private readonly decorate?: ConnectorClientDecorator,
    /** reuse ConnectorClients across turns and sends (see ConnectorClientCache); off: one per call */
    private readonly clients?: ConnectorClientCache,
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.wrapResult(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.wrapResult(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.wrapFactory(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    if (!this.clients) return this.inner.createUserTokenClient(claimsIdentity);
    return this.clients.userTokenClients.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private wrapResult(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.wrapFactory(result.connectorFactory, result.claimsIdentity) } : result;
  }

  private wrapFactory(inner: ConnectorFactory, claims: ClaimsIdentity | undefined): ConnectorFactory {
    return new PolicyConnectorFactory(inner, this.policy, this.decorate, this.clients ? { clients: this.clients, appId: appIdOf(claims) } : undefined);
  }
}
