// A fake Bot Connector (Teams' side of the bot's outbound calls) for the bench. Every POST/PUT is
// answered 200 at once; a message activity arriving for a conversation someone waits on resolves
// that wait with its arrival time (performance.now(), the same clock the load generator starts
// its timer with). Each bench request uses its own conversation id, so matching is exact.
import { performance } from 'node:perf_hooks';
import { readBody, startLoopbackServer, type LoopbackServer } from './loopback';

const PATH_PREFIX = '/v3/conversations/';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** summary: the analysis card (it has the "show all endpoints" button); card: another card (a refusal, "busy"); text: plain text. */
export type ReplyKind = 'summary' | 'card' | 'text';

export interface Reply {
  at: number;
  kind: ReplyKind;
  /** the path's activity id: the activity replied to */
  replyToId?: string;
  bytes: number;
}

export interface BenchConnector extends LoopbackServer {
  /** serviceUrl to put in activities */
  serviceUrl: string;
  /** resolves with the first message activity sent to `conversationId`; rejects after `timeoutMs` */
  waitForReply(conversationId: string, timeoutMs: number): Promise<Reply>;
  /** stops waiting for `conversationId` (its wait rejects) */
  cancel(conversationId: string): void;
  counts(): { messages: number; typing: number; other: number; unmatched: number };
}

interface Waiter {
  resolve(reply: Reply): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

function kindOf(activity: { text?: unknown; attachments?: { contentType?: unknown }[] }, raw: string): ReplyKind {
  const cards = (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE);
  if (cards.length === 0) return 'text';
  return raw.includes('"showAllEndpoints"') ? 'summary' : 'card';
}

export async function startBenchConnector(): Promise<BenchConnector> {
  const waiters = new Map<string, Waiter>();
  const counts = { messages: 0, typing: 0, other: 0, unmatched: 0 };
  let nextId = 0;
  const server = await startLoopbackServer((req, res) => {
    void readBody(req).then((buf) => {
      const at = performance.now();
      const path = (req.url ?? '/').split('?')[0]!;
      let activity: { type?: unknown; text?: unknown; attachments?: { contentType?: unknown }[] } = {};
      const raw = buf.toString('utf8');
      try {
        activity = raw ? (JSON.parse(raw) as typeof activity) : {};
      } catch {
        // not JSON: counted as "other"
      }
      if (path.startsWith(PATH_PREFIX) && activity.type === 'message') {
        counts.messages++;
        const rest = path.slice(PATH_PREFIX.length).split('/');
        const conversationId = decodeURIComponent(rest[0] ?? '');
        const waiter = waiters.get(conversationId);
        if (waiter) {
          waiters.delete(conversationId);
          clearTimeout(waiter.timer);
          const reply: Reply = { at, kind: kindOf(activity, raw), bytes: buf.length };
          if (rest[1] === 'activities' && rest[2]) reply.replyToId = decodeURIComponent(rest[2]);
          waiter.resolve(reply);
        } else counts.unmatched++;
      } else if (activity.type === 'typing') counts.typing++;
      else counts.other++;
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(`{"id":"bench-${++nextId}"}`);
    });
  });
  return Object.assign(server, {
    serviceUrl: `${server.origin}/`,
    waitForReply(conversationId: string, timeoutMs: number): Promise<Reply> {
      return new Promise<Reply>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(conversationId);
          reject(new Error(`no reply for ${conversationId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(conversationId, { resolve, reject, timer });
      });
    },
    cancel(conversationId: string): void {
      const waiter = waiters.get(conversationId);
      if (!waiter) return;
      waiters.delete(conversationId);
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`cancelled: ${conversationId}`));
    },
    counts: () => ({ ...counts }),
  });
}
