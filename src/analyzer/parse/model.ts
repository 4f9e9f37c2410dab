// What the parsers extract from a log, before any judgement: the intermediate model the report
// builder and the rules read. Evidence is bounded per item so memory stays proportional to the
// number of endpoints, not to the size of the log.
import type {
  DnsState, Evidence, HttpFailureCause, HttpState, LogKind, ProxyContextName, Service, TcpState, TlsKey,
} from '../report';
import { serviceOf } from './hosts';
import { evidence, pushEvidence } from './text';

/** Evidence lines kept per endpoint / proxy context / finding. */
export const MAX_EVIDENCE = 8;
export const MAX_ADDRESSES = 16;

export type Aspect = 'dns' | 'tcp' | 'http' | 'other';

/** Checks a complete run performs, as ids used in `missingChecks` and LOG_INCOMPLETE. */
export type CheckId = 'proxy' | 'azure-backup' | 'azure-storage' | 'entra-id' | 'file-recovery' | 'site-recovery' | 'tls';

export interface EndpointObservation {
  host: string;
  port: number;
  service: Service;
  firstLine: number;
  dns: DnsState;
  addresses: string[];
  aliases: string[];
  tcp: TcpState;
  http: HttpState;
  httpDetail?: string;
  httpCause?: HttpFailureCause;
  httpStatus?: number;
  httpNote?: 'ie-engine-unavailable';
  /** a web request was started for this endpoint */
  webStarted: boolean;
  /** the URL scheme of the web request ("https" when not printed) */
  webScheme?: string;
  /** the log ended inside this endpoint's web request or TCP test */
  cut: boolean;
  /** the log itself proves the request used a proxy (curl -x, "Connection established") */
  proxyProven?: boolean;
  /** the request was explicitly told not to use a proxy (curl --noproxy) */
  proxyRefused?: boolean;
  evidence: Evidence[];
  /** what each evidence line is about (same index as `evidence`) */
  aspects: Aspect[];
}

export interface ProxyObservation {
  context: ProxyContextName;
  found: boolean;
  enabled: boolean;
  server: string | null;
  bypass: string[];
  /** access was denied while reading this context */
  denied: boolean;
  /** the log says this context has no settings (`WinInet Proxy settings not found for …`, a missing key): it has no proxy */
  notFound: boolean;
  evidence: Evidence[];
}

export interface TlsValueLine {
  protocol: string;
  side: 'Client' | 'Server';
  name: 'enabled' | 'disabledbydefault';
  value: number;
  line: number;
  text: string;
}

export interface TlsObservation {
  sectionFound: boolean;
  keys: TlsKey[];
  /** where each value was read (bounded), for evidence */
  values: TlsValueLine[];
  /** the SCHANNEL protocol keys listed under Protocols (even without values) */
  protocolsListed: string[];
  evidence: Evidence[];
}

export interface ParsedLog {
  kind: LogKind;
  lineCount: number;
  complete: boolean;
  host?: string;
  os?: string;
  osVersion?: string;
  startedAt?: string;
  scriptVersion?: string;
  endpoints: EndpointObservation[];
  proxy: ProxyObservation[];
  tls: TlsObservation;
  /** checks whose section or endpoints appeared, in order of appearance */
  checksSeen: CheckId[];
  /** the check that was running when the log ended (interrupted runs) */
  checkInProgress?: CheckId;
  accessDenied: Evidence[];
  /** contexts whose reading hit an access-denied error */
  deniedContexts: ProxyContextName[];
  lastLine?: Evidence;
  /** first non-empty line (for logs we do not recognise) */
  firstLine?: Evidence;
  completionLine?: Evidence;
}

export function newTlsObservation(): TlsObservation {
  return { sectionFound: false, keys: [], values: [], protocolsListed: [], evidence: [] };
}

export function newProxyObservation(context: ProxyContextName): ProxyObservation {
  return { context, found: false, enabled: false, server: null, bypass: [], denied: false, notFound: false, evidence: [] };
}

/**
 * The empty list every endpoint starts with for `addresses` and `aliases` (most never get an
 * alias): one array instead of two per endpoint, which all live until the report is built (the
 * garbage collector copies them). Never pushed onto: `appended` makes a new array for the first
 * item, and the report copies the lists.
 */
const NO_STRINGS: string[] = [];

/** Endpoints keyed by host + port, in order of first appearance. */
export class EndpointTable {
  /**
   * by host, then its ports: the endpoint itself for a host with one port (almost all), an array
   * for more. No "host:port" key string, and no array per endpoint (they live as long as the table).
   */
  private readonly byHost = new Map<string, EndpointObservation | EndpointObservation[]>();
  readonly list: EndpointObservation[] = [];
  /** the last endpoint asked for: a web request usually follows the TCP test of the same host */
  private last: EndpointObservation | undefined;

  get(host: string, port: number, line: number): EndpointObservation {
    const last = this.last;
    if (last !== undefined && last.port === port && last.host === host) return last;
    const ep = this.lookUp(host, port, line);
    this.last = ep;
    return ep;
  }

  private lookUp(host: string, port: number, line: number): EndpointObservation {
    const same = this.byHost.get(host);
    if (same !== undefined) {
      if (!Array.isArray(same)) {
        if (same.port === port) return same;
      } else for (const ep of same) if (ep.port === port) return ep;
    }
    // every field from the start (optional ones undefined): one object shape for all endpoints
    const ep: EndpointObservation = {
      host, port, service: serviceOf(host), firstLine: line, dns: 'unknown', addresses: NO_STRINGS, aliases: NO_STRINGS, tcp: 'not-tested',
      http: 'not-tested', httpDetail: undefined, httpCause: undefined, httpStatus: undefined, httpNote: undefined,
      webStarted: false, webScheme: undefined, cut: false, proxyProven: undefined, proxyRefused: undefined, evidence: [], aspects: [],
    };
    if (same === undefined) this.byHost.set(host, ep);
    else if (Array.isArray(same)) same.push(ep);
    else this.byHost.set(host, [same, ep]);
    this.list.push(ep);
    return ep;
  }

  find(host: string, port: number): EndpointObservation | undefined {
    const same = this.byHost.get(host);
    if (same === undefined || !Array.isArray(same)) return same !== undefined && same.port === port ? same : undefined;
    for (const ep of same) if (ep.port === port) return ep;
    return undefined;
  }
}

/**
 * `[...list, x]` as an array of exactly that size while the list is short. These lists live as
 * long as the parse and most hold one to three items, but a push onto an empty array reserves 17
 * slots: on a log with 100 000 endpoints that is tens of MB for the garbage collector to copy.
 */
function appended<T>(list: T[], x: T): T[] {
  switch (list.length) {
    case 0:
      return [x];
    case 1:
      return [list[0] as T, x];
    case 2:
      return [list[0] as T, list[1] as T, x];
    case 3:
      return [list[0] as T, list[1] as T, list[2] as T, x];
    default:
      list.push(x);
      return list;
  }
}

export function addEvidence(ep: EndpointObservation, line: number, raw: string, aspect: Aspect): void {
  if (ep.evidence.length >= MAX_EVIDENCE) return;
  for (const x of ep.evidence) if (x.line === line) return;
  ep.evidence = appended(ep.evidence, evidence(line, raw));
  ep.aspects = appended(ep.aspects, aspect);
}

/**
 * addEvidence for a text that is already what `evidence` would make of it (trimmed, printable
 * ASCII, at most 300 characters): the same entry without the cleaning pass.
 */
export function addCleanEvidence(ep: EndpointObservation, line: number, text: string, aspect: Aspect): void {
  if (ep.evidence.length >= MAX_EVIDENCE) return;
  for (const x of ep.evidence) if (x.line === line) return;
  ep.evidence = appended(ep.evidence, { line, text });
  ep.aspects = appended(ep.aspects, aspect);
}

export function addAddress(ep: EndpointObservation, addr: string): void {
  if (ep.addresses.length >= MAX_ADDRESSES || ep.addresses.includes(addr)) return;
  ep.addresses = appended(ep.addresses, addr);
}

export function addAlias(ep: EndpointObservation, alias: string): void {
  if (ep.aliases.length >= MAX_ADDRESSES || ep.aliases.includes(alias)) return;
  ep.aliases = appended(ep.aliases, alias);
}

export function addContextEvidence(ctx: ProxyObservation, line: number, raw: string): void {
  pushEvidence(ctx.evidence, evidence(line, raw), MAX_EVIDENCE);
}
