// A report already serialised, with the id chosen when it was: the analysis worker builds the
// summary card (whose buttons carry the id) and the JSON the store writes, so the main thread
// neither serialises the report again nor needs the object. Stores take it in place of a Report.
import { randomBytes } from 'node:crypto';
import type { Report } from '../analyzer';

/** 144 random bits, base64url: fits the card data id pattern and cannot be guessed. */
export function newReportId(): string {
  return randomBytes(18).toString('base64url');
}

export class ReportJson {
  private parsed: Report | undefined;

  constructor(
    readonly id: string,
    /** JSON.stringify(report) */
    readonly json: string,
  ) {}

  /** The report object, parsed on first use (only stores that keep objects need it). */
  get report(): Report {
    return (this.parsed ??= JSON.parse(this.json) as Report);
  }
}

/** The report id was taken (a preset id cannot be replaced: a card already carries it). */
export class ReportIdTakenError extends Error {
  override readonly name = 'ReportIdTakenError';
  readonly logMessage = 'report id already taken';
  constructor() {
    super('report id already taken');
  }
}
