// Messages between the pool and its worker threads (structured-clone friendly).
import type { AnalysisOutcome, InputLimits } from '../../analyzer';

export interface WorkerRequest {
  id: number;
  /** transferred, not copied */
  bytes: ArrayBuffer;
  fileName?: string;
  limits?: Partial<InputLimits>;
}

export type WorkerResponse =
  | { id: number; ok: true; outcome: AnalysisOutcome }
  | { id: number; ok: false; error: { name: string; message: string } };
