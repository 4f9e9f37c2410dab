// Runs inside a worker thread: receives bytes, runs the pure analyzer, posts the outcome back —
// or, when asked, what the answer needs (report JSON + summary card, prepare-outcome.ts), so the
// main thread neither serialises the report nor builds the card. One job at a time; the pool
// terminates the whole thread when a job overruns its budget.
import { parentPort } from 'node:worker_threads';
import { analyzeBytes, type AnalyzeBytesOptions } from '../../analyzer';
import type * as PrepareOutcome from '../jobs/prepare-outcome';
import type { WorkerRequest, WorkerResponse } from './protocol';

// The card builders (adaptivecards-templating) load after the worker said it is ready, while the
// main thread still starts up: they cost the cold start nothing. A job arriving first waits for them.
let prepare: typeof PrepareOutcome | undefined;
// a synchronous, deferred load (import() would go through the ESM loader, which tsx's CJS hook in tests does not cover)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPrepare = (): typeof PrepareOutcome => (prepare ??= require('../jobs/prepare-outcome') as typeof PrepareOutcome);
setImmediate(loadPrepare);

const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

port.on('message', (msg: WorkerRequest) => {
  const options: AnalyzeBytesOptions = {};
  if (msg.fileName !== undefined) options.fileName = msg.fileName;
  if (msg.limits !== undefined) options.limits = msg.limits;
  analyzeBytes(new Uint8Array(msg.bytes), options).then(
    (outcome) => {
      const response: WorkerResponse = msg.prepareFor !== undefined ? { id: msg.id, ok: true, prepared: loadPrepare().prepareWireOutcome(outcome, msg.prepareFor) } : { id: msg.id, ok: true, outcome };
      port.postMessage(response);
    },
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id: msg.id, ok: false, error: { name: e.name, message: e.message.slice(0, 500) } } satisfies WorkerResponse);
    },
  );
});
