// Short, localized words for one endpoint: "host:port", and what went wrong with it.
import { storageErrorParts } from '../analyzer';
import type { Endpoint } from '../analyzer/report';
import { t, type Lang } from '../i18n/lang';
import { dnsStateLabel, httpStateLabel, tcpStateLabel } from '../i18n/terms';
import { CARD_MESSAGES as M, DETAIL_SEPARATOR } from './card-messages';
import { cardLine } from './card-text';

export const MAX_HOST_CHARS = 120;
export const MAX_DETAIL_CHARS = 200;

/**
 * The web request's detail as people read it, on one line: a storage error code is set apart from
 * its message ("AuthenticationFailed: Server failed…", not "AuthenticationFailedServer failed…").
 */
export function endpointDetailText(httpDetail: string | undefined): string {
  const detail = cardLine(httpDetail ?? '', MAX_DETAIL_CHARS);
  const parts = storageErrorParts(detail);
  return parts === undefined ? detail : `${parts.code}: ${parts.message}`;
}

export function endpointTarget(endpoint: Pick<Endpoint, 'host' | 'port'>): string {
  const port = Number.isInteger(endpoint.port) ? `:${endpoint.port}` : '';
  return cardLine(endpoint.host, MAX_HOST_CHARS) + port;
}

/** What failed, in one line: "Name resolution failed", "TCP connection to port 443 failed; …". */
export function describeEndpointProblem(endpoint: Endpoint, lang: Lang): string {
  const parts: string[] = [];
  const detail = endpointDetailText(endpoint.httpDetail);
  if (endpoint.dns === 'failed') {
    parts.push(t(M.dnsFailed, lang));
  } else {
    if (endpoint.tcp === 'failed') parts.push(t(M.tcpFailed, lang, { port: String(endpoint.port) }));
    if (endpoint.http === 'failed') parts.push(t(M.httpFailed, lang) + (detail ? ` (${detail})` : ''));
    if (endpoint.http === 'inconclusive') parts.push(t(M.httpInconclusive, lang) + (detail ? ` (${detail})` : ''));
    if (endpoint.tcp === 'not-tested' && endpoint.http === 'not-tested') parts.push(t(M.notTested, lang));
  }
  if (parts.length === 0 && detail) parts.push(detail);
  return parts.join(DETAIL_SEPARATOR[lang]);
}

/** "DNS: Resolved / TCP: Failed / HTTP: Failed" */
export function describeEndpointStates(endpoint: Endpoint, lang: Lang): string {
  return t(M.endpointStates, lang, {
    dns: dnsStateLabel(endpoint.dns, lang),
    tcp: tcpStateLabel(endpoint.tcp, lang),
    http: httpStateLabel(endpoint.http, lang),
  });
}

/**
 * Extra facts worth a second line: proxy use, private endpoint, the addresses, the HTTP detail.
 * The detail is log text that often ends in its own full stop ("…接続できません。"), so the parts
 * are set apart with " / " (as the DNS / TCP / HTTP line above it) rather than joined into a
 * sentence, and the short facts come first so a long error text cannot push them off the line.
 */
export function describeEndpointDetail(endpoint: Endpoint, lang: Lang): string {
  const parts: string[] = [];
  if (endpoint.viaProxy) parts.push(t(M.viaProxy, lang));
  if (endpoint.privateEndpoint) parts.push(t(M.privateEndpoint, lang));
  const addresses = Array.isArray(endpoint.addresses) ? endpoint.addresses.slice(0, 3).map((a) => cardLine(a, 64)) : [];
  if (addresses.length > 0) {
    const list = addresses.join(', ') + (endpoint.addresses.length > 3 ? ', …' : '');
    parts.push(t(M.endpointAddresses, lang, { list }));
  }
  const detail = endpointDetailText(endpoint.httpDetail);
  if (detail) parts.push(detail);
  return parts.join(' / ');
}
