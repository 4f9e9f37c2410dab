// A stand-in for the Bot Framework's OpenID metadata + signing keys, on 127.0.0.1:0, so the real
// botbuilder token validation (ConfigurationBotFrameworkAuthentication) runs end to end with keys
// we control. Two metadata documents: the channel one (Teams → bot tokens, keys endorsed for
// `msteams`) and the emulator/AAD one (skill and Emulator tokens). `setFault` makes the metadata
// endpoint fail, hang or return garbage (R12).
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import jwt from 'jsonwebtoken';
import { MicrosoftAppCredentials, ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';

/** Bot Framework's channel token issuer (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** One of the AAD issuers botbuilder accepts for Emulator and skill tokens. */
export const AAD_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

export type MetadataFault = 'none' | 'status-500' | 'keys-500' | 'hang' | 'garbage';

export interface SignOptions {
  /** default: the served key's kid */
  kid?: string;
  /** default: the served private key */
  key?: KeyObject | string;
  /** default RS256; 'none' makes an unsigned token */
  algorithm?: jwt.Algorithm;
  /** seconds from now; default 3600 */
  expiresInSec?: number;
  /** seconds from now the token becomes valid (nbf); default: no nbf */
  notBeforeSec?: number;
}

export interface FakeJwks {
  origin: string;
  /** → ToBotFromChannelOpenIdMetadataUrl */
  channelMetadataUrl: string;
  /** → ToBotFromEmulatorOpenIdMetadataUrl */
  emulatorMetadataUrl: string;
  kid: string;
  /** PEM of the served public key (for the HS256-with-public-key attack) */
  publicKeyPem: string;
  /** metadata + key requests received */
  hits: number;
  sign(claims: Record<string, unknown>, options?: SignOptions): string;
  /** a well-formed Teams → bot token */
  channelToken(appId: string, serviceUrl: string, overrides?: Record<string, unknown>, options?: SignOptions): string;
  /** ConfigurationBotFrameworkAuthentication settings pointing at this fake (credentialed mode) */
  authSettings(appId: string): Record<string, string>;
  setFault(fault: MetadataFault): void;
  close(): Promise<void>;
}

export interface FakeJwksOptions {
  /** endorsements on the channel key; default ['msteams'] */
  endorsements?: string[];
}

export async function startFakeJwks(options: FakeJwksOptions = {}): Promise<FakeJwks> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `fake-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' });
  const endorsements = options.endorsements ?? ['msteams'];
  let fault: MetadataFault = 'none';
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    fake.hits++;
    const path = req.url ?? '/';
    if (fault === 'hang') return; // never answers; the socket is destroyed on close()
    if (fault === 'status-500' && path.endsWith('openid-configuration')) {
      res.statusCode = 500;
      res.end('metadata down');
      return;
    }
    if (fault === 'garbage') {
      res.setHeader('content-type', 'application/json');
      res.end('<html>not json');
      return;
    }
    const prefix = path.startsWith('/channel/') ? 'channel' : path.startsWith('/emulator/') ? 'emulator' : undefined;
    if (!prefix) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    if (path.endsWith('/.well-known/openid-configuration')) {
      res.end(JSON.stringify({
        issuer: prefix === 'channel' ? CHANNEL_ISSUER : AAD_ISSUER,
        jwks_uri: `${fake.origin}/${prefix}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      }));
      return;
    }
    if (path.endsWith('/keys')) {
      if (fault === 'keys-500') {
        res.statusCode = 500;
        res.end('{}');
        return;
      }
      const key = { kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, ...(prefix === 'channel' ? { endorsements } : {}) };
      res.end(JSON.stringify({ keys: [key] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const sign = (claims: Record<string, unknown>, o: SignOptions = {}): string => {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = { iat: now, exp: now + (o.expiresInSec ?? 3600), ...claims };
    if (o.notBeforeSec !== undefined) payload.nbf = now + o.notBeforeSec;
    const algorithm = o.algorithm ?? 'RS256';
    if (algorithm === 'none') {
      const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      return `${enc({ alg: 'none', typ: 'JWT', kid: o.kid ?? kid })}.${enc(payload)}.`;
    }
    return jwt.sign(payload, o.key ?? privateKey, { algorithm, keyid: o.kid ?? kid, noTimestamp: true });
  };

  const fake: FakeJwks = {
    origin: `http://127.0.0.1:${port}`,
    channelMetadataUrl: `http://127.0.0.1:${port}/channel/.well-known/openid-configuration`,
    emulatorMetadataUrl: `http://127.0.0.1:${port}/emulator/.well-known/openid-configuration`,
    kid,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    hits: 0,
    sign,
    channelToken: (appId, serviceUrl, overrides = {}, o = {}) =>
      sign({ iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, ...overrides }, o),
    authSettings: (appId) => ({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'not-used-outbound-is-faked',
      MicrosoftAppType: 'MultiTenant',
      ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${port}/channel/.well-known/openid-configuration`,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToBotFromEmulatorOpenIdMetadataUrl: `http://127.0.0.1:${port}/emulator/.well-known/openid-configuration`,
      // Outbound tokens come from fakeOutboundCredentials(): MSAL would first run AAD instance
      // discovery against login.microsoftonline.com for any unknown authority (no network here).
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/botframework.com`,
      ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
      OAuthUrl: `http://127.0.0.1:${port}/oauth`,
      ValidateAuthority: 'true',
    }),
    setFault: (f) => {
      fault = f;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** Outbound credentials that sign Bot Connector calls with a fixed fake token. */
class FixedTokenCredentials extends MicrosoftAppCredentials {
  constructor(
    appId: string,
    private readonly token: string,
  ) {
    super(appId, 'unused');
  }

  override getToken(): Promise<string> {
    return Promise.resolve(this.token);
  }
}

/**
 * The credentials factory for `new ConfigurationBotFrameworkAuthentication(settings, factory)`:
 * real inbound validation, fake outbound token ("Bearer <token>" on every connector call).
 */
export function fakeOutboundCredentials(appId: string, token = 'fake-outbound-token'): ServiceClientCredentialsFactory {
  class Factory extends ServiceClientCredentialsFactory {
    isValidAppId(id: string): Promise<boolean> {
      return Promise.resolve(id === appId);
    }
    isAuthenticationDisabled(): Promise<boolean> {
      return Promise.resolve(false);
    }
    createCredentials(id: string): Promise<ServiceClientCredentials> {
      if (id !== appId) return Promise.reject(new Error('Invalid appId.'));
      return Promise.resolve(new FixedTokenCredentials(appId, token));
    }
  }
  return new Factory();
}
