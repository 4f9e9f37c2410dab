// Keep-alive connections for safeDownload. Without them every file costs a new TCP connection
// (and in production a TLS handshake to SharePoint); with them a connection whose response was
// read to the end goes back to a small per-origin pool for the next download.
//
// What keeps this as safe as a fresh socket per download:
// - a new socket still resolves its name through the guarded lookup of the request that opens
//   it (the agents have no lookup of their own), so the DNS-rebinding defence runs for every
//   new connection; a pooled socket is one whose address already passed that check;
// - one pair of agents per policy (allow-list, private-address exceptions, loopback switch,
//   resolver): a connection opened under a lenient policy is never handed to a stricter one;
// - every failure path of safeDownload destroys its socket (the agent drops a destroyed socket),
//   so only connections with a complete response are reused;
// - a pooled connection the server has closed meanwhile fails at once; safeDownload then retries
//   that one request once on a fresh connection (a GET, nothing was received).
import * as http from 'node:http';
import * as https from 'node:https';

export interface DownloadConnectionsOptions {
  /** open connections per origin and policy (default 8) */
  maxSocketsPerOrigin?: number;
  /** idle connections kept per origin and policy (default 4) */
  maxIdlePerOrigin?: number;
  /** an idle connection is closed after this long (default 15 000 ms; servers close theirs too) */
  idleMs?: number;
}

/** What makes two downloads share connections: the same checks applied to the same names. */
export interface ConnectionPolicyKey {
  allowedHosts: readonly string[];
  allowPrivateHosts: readonly string[];
  insecureLoopback: boolean;
  /** the DNS seam, if any (tests): a different resolver is a different policy */
  resolve?: object;
}

interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

const MAX_POLICIES = 16;

export class DownloadConnections {
  private readonly byPolicy = new Map<string, AgentPair>();
  private readonly resolverIds = new WeakMap<object, number>();
  private nextResolverId = 1;
  private closed = false;

  constructor(private readonly options: DownloadConnectionsOptions = {}) {}

  /** The agent for a request under `policy`; undefined once closed (a fresh socket per request). */
  agentFor(protocol: string, policy: ConnectionPolicyKey): http.Agent | undefined {
    if (this.closed) return undefined;
    const key = this.keyOf(policy);
    let pair = this.byPolicy.get(key);
    if (!pair) {
      // the bot uses one or two policies; a bound keeps a misuse from growing without limit
      if (this.byPolicy.size >= MAX_POLICIES) return undefined;
      pair = this.createPair();
      this.byPolicy.set(key, pair);
    }
    return protocol === 'https:' ? pair.https : pair.http;
  }

  /** Idle connections (for tests and observability). */
  idleSockets(): number {
    let n = 0;
    for (const pair of this.byPolicy.values()) {
      for (const agent of [pair.http, pair.https]) for (const list of Object.values(agent.freeSockets)) n += list?.length ?? 0;
    }
    return n;
  }

  /** Closes every connection; later downloads get a fresh socket each. */
  close(): void {
    this.closed = true;
    for (const pair of this.byPolicy.values()) {
      pair.http.destroy();
      pair.https.destroy();
    }
    this.byPolicy.clear();
  }

  private createPair(): AgentPair {
    const agentOptions: http.AgentOptions = {
      keepAlive: true,
      maxSockets: this.options.maxSocketsPerOrigin ?? 8,
      maxFreeSockets: this.options.maxIdlePerOrigin ?? 4,
      // applies to idle pooled sockets: closed after this long unused
      timeout: this.options.idleMs ?? 15_000,
      // the most recently used connection first: the others age out
      scheduling: 'lifo',
    };
    return { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  }

  private keyOf(policy: ConnectionPolicyKey): string {
    let resolver = 0;
    if (policy.resolve !== undefined) {
      resolver = this.resolverIds.get(policy.resolve) ?? 0;
      if (resolver === 0) {
        resolver = this.nextResolverId++;
        this.resolverIds.set(policy.resolve, resolver);
      }
    }
    const norm = (list: readonly string[]) => list.map((h) => h.trim().toLowerCase()).sort();
    return JSON.stringify([norm(policy.allowedHosts), norm(policy.allowPrivateHosts), policy.insecureLoopback, resolver]);
  }
}
