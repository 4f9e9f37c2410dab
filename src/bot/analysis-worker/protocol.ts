// Messages between the pool and its worker threads (structured-clone friendly).
import type { AnalysisOutcome, InputLimits } from '../../analyzer';
import type { Lang } from '../../i18n/lang';
import type { WirePreparedOutcome } from '../jobs/prepare-outcome';

export interface WorkerRequest {
  id: number;
  /** transferred, not copied */
  bytes: ArrayBuffer;
  fileName?: string;
  limits?: Partial<InputLimits>;
  /** set: answer with the prepared outcome (report JSON + summary card in this language) */
  prepareFor?: Lang;
}

export type WorkerResponse =
  | { id: number; ok: true; outcome: AnalysisOutcome }
  | { id: number; ok: true; prepared: WirePreparedOutcome }
  | { id: number; ok: false; error: { name: string; message: string } };
