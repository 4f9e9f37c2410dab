// Closed-loop load: `concurrency` senders, each posting its next activity as soon as the reply
// to the previous one has arrived at the fake connector, until `requests` were sent. Latency is
// POST start → reply arrival (one clock, this process); the HTTP acknowledgement is timed too.
import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BenchConnector, ReplyKind } from './bench-connector';

export interface Sample {
  /** POST start → reply card at the connector (NaN when no reply came) */
  latencyMs: number;
  /** POST start → HTTP response from the bot */
  ackMs: number;
  status: number;
  kind: ReplyKind | 'none';
}

export interface LoadResult {
  samples: Sample[];
  elapsedMs: number;
}

export interface LoadOptions {
  origin: string;
  connector: BenchConnector;
  concurrency: number;
  requests: number;
  /** the activity for request `i`, with its (unique) conversation id */
  activity(i: number): { conversationId: string; body: string };
  replyTimeoutMs: number;
}

export function postJson(agent: http.Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const url = new URL('/api/messages', o.origin);
  const samples: Sample[] = [];
  let next = 0;
  const sender = async (): Promise<void> => {
    while (next < o.requests) {
      const { conversationId, body } = o.activity(next++);
      const reply = o.connector.waitForReply(conversationId, o.replyTimeoutMs).catch(() => undefined);
      const t0 = performance.now();
      const status = await postJson(agent, url, body);
      const ackMs = performance.now() - t0;
      if (status !== 200) o.connector.cancel(conversationId);
      const r = await reply;
      samples.push({ latencyMs: r ? r.at - t0 : Number.NaN, ackMs, status, kind: r ? r.kind : 'none' });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: o.concurrency }, sender));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { samples, elapsedMs };
}
