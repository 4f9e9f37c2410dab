// From observations to the report's endpoints: service, geo, whether the web request went through
// a proxy, private-endpoint signs, and the verdict (report-contract.md "Verdict of one endpoint").
import type { Endpoint, Evidence, LogKind, ProxyContextName, Verdict } from '../report';
import { bypassMatcher, geoOfHost, isPrivateAddress, isPrivateLinkName, matchesNoProxy, matchesWindowsBypass } from './hosts';
import type { EndpointObservation, ProxyObservation } from './model';
import { byLine } from './text';

function context(proxies: readonly ProxyObservation[], name: ProxyContextName): ProxyObservation | undefined {
  for (const p of proxies) if (p.context === name) return p;
  return undefined;
}

/** Did this endpoint's web request go through a proxy? */
export function viaProxyOf(obs: EndpointObservation, kind: LogKind, proxies: readonly ProxyObservation[]): boolean {
  if (!obs.webStarted || obs.proxyRefused === true) return false;
  if (obs.proxyProven === true) return true;
  if (kind === 'windows-backup' || kind === 'windows-asr') {
    // Invoke-WebRequest runs as the logged-on user: the current user's WinInet proxy.
    const cu = context(proxies, 'current-user');
    if (!cu || !cu.found || !cu.enabled) return false;
    return !cu.bypass.some((b) => matchesWindowsBypass(b, obs.host));
  }
  if (kind === 'linux-backup' || kind === 'linux-asr') {
    const ctx = context(proxies, obs.webScheme === 'http' ? 'env-http' : 'env-https');
    if (!ctx || !ctx.enabled) return false;
    return !ctx.bypass.some((b) => matchesNoProxy(b, obs.host));
  }
  return false;
}

/** Whether a host goes direct (in the bypass list) for a context whose proxy is in use; null: no proxy in use. */
type BypassCheck = ((host: string) => boolean) | null;

function bypassCheck(ctx: ProxyObservation | undefined, windows: boolean): BypassCheck {
  if (!ctx || !ctx.enabled || (windows && !ctx.found)) return null;
  return bypassMatcher(ctx.bypass, windows ? 'windows' : 'no-proxy');
}

/**
 * viaProxyOf for all the endpoints of one log: the contexts are looked up and their bypass lists
 * compiled once (with a proxy and a dozen bypass entries the plain form lower-cased a dozen
 * entries and the host once per endpoint: 0.2 s on the 100 MB bench log).
 */
function proxyDecider(kind: LogKind, proxies: readonly ProxyObservation[]): (obs: EndpointObservation) => boolean {
  const windows = kind === 'windows-backup' || kind === 'windows-asr';
  const linux = kind === 'linux-backup' || kind === 'linux-asr';
  const user = windows ? bypassCheck(context(proxies, 'current-user'), true) : null;
  const http = linux ? bypassCheck(context(proxies, 'env-http'), false) : null;
  const https = linux ? bypassCheck(context(proxies, 'env-https'), false) : null;
  return (obs) => {
    if (!obs.webStarted || obs.proxyRefused === true) return false;
    if (obs.proxyProven === true) return true;
    const bypassed = windows ? user : linux ? (obs.webScheme === 'http' ? http : https) : null;
    return bypassed !== null && !bypassed(obs.host);
  };
}

const PE_SERVICES = new Set(['azure-backup', 'file-recovery', 'azure-storage', 'site-recovery']);

export function verdictOf(obs: EndpointObservation): Verdict {
  if (obs.webStarted && obs.http !== 'not-tested') {
    if (obs.http === 'ok') return 'ok';
    if (obs.http === 'failed') return 'failed';
    return 'inconclusive';
  }
  if (obs.webStarted && obs.cut) return 'inconclusive';
  if (obs.tcp === 'ok') return 'ok';
  if (obs.tcp === 'failed') return 'failed';
  if (obs.dns === 'failed') return 'failed';
  return 'inconclusive';
}

/** `list` in line order: itself when it already is (the usual case), else a sorted copy. */
function inLineOrder(list: Evidence[]): Evidence[] {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as Evidence).line > (list[i] as Evidence).line) return byLine(list);
  return list;
}

/** The report entry of one observation (toEndpoint) for all the endpoints of one log. */
export function endpointBuilder(kind: LogKind, proxies: readonly ProxyObservation[]): (obs: EndpointObservation) => Endpoint {
  const viaProxy = proxyDecider(kind, proxies);
  return (obs) => buildEndpoint(obs, viaProxy(obs));
}

export function toEndpoint(obs: EndpointObservation, kind: LogKind, proxies: readonly ProxyObservation[]): Endpoint {
  return buildEndpoint(obs, viaProxyOf(obs, kind, proxies));
}

/** The parser shares one empty list among endpoints without addresses / aliases; a report entry owns its lists. */
function own(list: string[]): string[] {
  return list.length === 0 ? [] : list;
}

/**
 * The report entry of one observation. It takes over the observation's arrays (addresses,
 * aliases, evidence) instead of copying them: the parsed log is private to analyzeText and dropped
 * after it, and copies cost an allocation each that the garbage collector then moves twice
 * (endpoint-report.property.test.ts checks that no two endpoints share an array).
 */
function buildEndpoint(obs: EndpointObservation, viaProxy: boolean): Endpoint {
  const service = obs.service;
  let dns = obs.dns;
  if (dns === 'unknown') {
    if (obs.tcp === 'ok' || (obs.http === 'ok' && !viaProxy) || obs.addresses.length > 0) dns = 'resolved';
    else if (obs.httpCause === 'dns' && !viaProxy) dns = 'failed';
  }
  const privateEndpoint = PE_SERVICES.has(service) && isPrivateEndpoint(obs);
  const geo = geoOfHost(obs.host);
  const verdict = verdictOf(obs);
  const evidence = inLineOrder(obs.evidence);
  // Fields in reading order (the JSON key order). The usual entries are one object literal each:
  // adding fields one by one grows the object's property store several times, per endpoint.
  if (geo === undefined && obs.httpCause === undefined && obs.httpStatus === undefined && obs.httpNote === undefined) {
    if (obs.httpDetail !== undefined) {
      return {
        host: obs.host, port: obs.port, service, dns, addresses: own(obs.addresses), aliases: own(obs.aliases), tcp: obs.tcp, http: obs.http,
        httpDetail: obs.httpDetail, viaProxy, privateEndpoint, verdict, evidence,
      };
    }
    return {
      host: obs.host, port: obs.port, service, dns, addresses: own(obs.addresses), aliases: own(obs.aliases), tcp: obs.tcp, http: obs.http,
      viaProxy, privateEndpoint, verdict, evidence,
    };
  }
  const ep = { host: obs.host, port: obs.port, service } as Endpoint;
  if (geo !== undefined) ep.geo = geo;
  ep.dns = dns;
  ep.addresses = own(obs.addresses);
  ep.aliases = own(obs.aliases);
  ep.tcp = obs.tcp;
  ep.http = obs.http;
  if (obs.httpDetail !== undefined) ep.httpDetail = obs.httpDetail;
  if (obs.httpCause !== undefined) ep.httpCause = obs.httpCause;
  if (obs.httpStatus !== undefined) ep.httpStatus = obs.httpStatus;
  if (obs.httpNote !== undefined) ep.httpNote = obs.httpNote;
  ep.viaProxy = viaProxy;
  ep.privateEndpoint = privateEndpoint;
  ep.verdict = verdict;
  ep.evidence = evidence;
  return ep;
}

/** A private address, a customer privatelink alias, or a privatelink name itself. */
function isPrivateEndpoint(obs: EndpointObservation): boolean {
  for (const a of obs.addresses) if (isPrivateAddress(a)) return true;
  for (const a of obs.aliases) if (isPrivateLinkName(a)) return true;
  return isPrivateLinkName(obs.host);
}
