// Why a log could not be fetched. `reason` selects the user message (src/i18n/refusals.ts);
// `logMessage` is safe to log: never a URL query, token or file content.
import type { DownloadProblem } from '../card-kit';

export class InputProblem extends Error {
  readonly reason: DownloadProblem;
  readonly logMessage: string;
  readonly status?: number;
  constructor(reason: DownloadProblem, logMessage: string, status?: number) {
    super(`input problem: ${reason}`);
    this.name = 'InputProblem';
    this.reason = reason;
    this.logMessage = logMessage;
    if (status !== undefined) this.status = status;
  }
}
