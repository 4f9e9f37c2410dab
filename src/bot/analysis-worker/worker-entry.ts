// Runs inside a worker thread: receives bytes, runs the pure analyzer, posts the outcome back.
// One job at a time; the pool terminates the whole thread when a job overruns its budget.
import { parentPort } from 'node:worker_threads';
import { analyzeBytes, type AnalyzeBytesOptions } from '../../analyzer';
import type { WorkerRequest, WorkerResponse } from './protocol';

const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

port.on('message', (msg: WorkerRequest) => {
  const options: AnalyzeBytesOptions = {};
  if (msg.fileName !== undefined) options.fileName = msg.fileName;
  if (msg.limits !== undefined) options.limits = msg.limits;
  analyzeBytes(new Uint8Array(msg.bytes), options).then(
    (outcome) => port.postMessage({ id: msg.id, ok: true, outcome } satisfies WorkerResponse),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id: msg.id, ok: false, error: { name: e.name, message: e.message.slice(0, 500) } } satisfies WorkerResponse);
    },
  );
});
