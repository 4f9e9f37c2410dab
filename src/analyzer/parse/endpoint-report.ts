// From observations to the report's endpoints: service, geo, whether the web request went through
// a proxy, private-endpoint signs, and the verdict (report-contract.md "Verdict of one endpoint").
import type { Endpoint, LogKind, ProxyContextName, Verdict } from '../report';
import { geoOfHost, isPrivateAddress, isPrivateLinkName, matchesNoProxy, matchesWindowsBypass } from './hosts';
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

export function toEndpoint(obs: EndpointObservation, kind: LogKind, proxies: readonly ProxyObservation[]): Endpoint {
  const service = obs.service;
  const viaProxy = viaProxyOf(obs, kind, proxies);
  let dns = obs.dns;
  if (dns === 'unknown') {
    if (obs.tcp === 'ok' || (obs.http === 'ok' && !viaProxy) || obs.addresses.length > 0) dns = 'resolved';
    else if (obs.httpCause === 'dns' && !viaProxy) dns = 'failed';
  }
  const privateEndpoint =
    PE_SERVICES.has(service) &&
    (obs.addresses.some(isPrivateAddress) || obs.aliases.some(isPrivateLinkName) || isPrivateLinkName(obs.host));
  // Fields in reading order. Arrays are copied (the report shares nothing mutable with the parse).
  const ep = { host: obs.host, port: obs.port, service } as Endpoint;
  const geo = geoOfHost(obs.host);
  if (geo !== undefined) ep.geo = geo;
  ep.dns = dns;
  ep.addresses = obs.addresses.slice();
  ep.aliases = obs.aliases.slice();
  ep.tcp = obs.tcp;
  ep.http = obs.http;
  if (obs.httpDetail !== undefined) ep.httpDetail = obs.httpDetail;
  if (obs.httpCause !== undefined) ep.httpCause = obs.httpCause;
  if (obs.httpStatus !== undefined) ep.httpStatus = obs.httpStatus;
  if (obs.httpNote !== undefined) ep.httpNote = obs.httpNote;
  ep.viaProxy = viaProxy;
  ep.privateEndpoint = privateEndpoint;
  ep.verdict = verdictOf(obs);
  ep.evidence = byLine(obs.evidence);
  return ep;
}
