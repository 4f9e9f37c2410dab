// Runs inside a worker thread: receives bytes, runs the pure analyzer, posts the outcome back —
// or, when asked, what the answer needs (report JSON + summary card, prepare-outcome.ts), so the
// main thread neither serialises the report nor builds the card. Strictly one job at a time, in
// the order they arrived: the pool hands a worker its next job while the current one runs
// (analysis-pool.ts, pipelineDepth) and counts a job's budget from the end of the one before;
// it terminates the whole thread when a job overruns its budget.
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

function run(msg: WorkerRequest, out: NonNullable<typeof parentPort>): Promise<void> {
  const options: AnalyzeBytesOptions = {};
  if (msg.fileName !== undefined) options.fileName = msg.fileName;
  if (msg.limits !== undefined) options.limits = msg.limits;
  const failed = (err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    out.postMessage({ id: msg.id, ok: false, error: { name: e.name, message: e.message.slice(0, 500) } } satisfies WorkerResponse);
  };
  return analyzeBytes(new Uint8Array(msg.bytes), options).then((outcome) => {
    let response: WorkerResponse;
    try {
      response = msg.prepareFor !== undefined ? { id: msg.id, ok: true, prepared: loadPrepare().prepareWireOutcome(outcome, msg.prepareFor) } : { id: msg.id, ok: true, outcome };
    } catch (err) {
      failed(err);
      return;
    }
    out.postMessage(response);
  }, failed);
}

// an analysis with an asynchronous step (archives) must not let the next job start beside it
let last: Promise<void> = Promise.resolve();
port.on('message', (msg: WorkerRequest) => {
  last = last.then(() => run(msg, port));
});
