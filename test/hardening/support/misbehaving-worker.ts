// A worker speaking the analysis-pool protocol that misbehaves on request (by file name):
// 'oom' allocates until the heap cap kills it, 'spin' never returns, 'throw' rejects, 'busy400'
// computes for ~400 ms before answering; anything else answers an empty report list. Lets the pool's failure handling be tested deterministically.
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from '../../../src/bot/analysis-worker/protocol';

const port = parentPort!;
const hoard: unknown[] = [];

port.on('message', (msg: WorkerRequest) => {
  if (msg.fileName === 'oom') {
    for (;;) hoard.push(new Array(100_000).fill({ x: hoard.length }));
  }
  if (msg.fileName === 'spin') {
    for (;;) {
      /* a stuck parse */
    }
  }
  if (msg.fileName === 'busy400') {
    const until = Date.now() + 400;
    while (Date.now() < until) {
      /* a parse that takes a while */
    }
  }
  if (msg.fileName === 'throw') {
    port.postMessage({ id: msg.id, ok: false, error: { name: 'TypeError', message: 'boom' } } satisfies WorkerResponse);
    return;
  }
  port.postMessage({ id: msg.id, ok: true, outcome: { kind: 'reports', reports: [] } } satisfies WorkerResponse);
});
