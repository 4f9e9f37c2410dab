// A command block: the output that follows one TRY line, up to the next TRY line or heading.
// Each kind of command has its own reader; all of them write into the endpoint table.
import type { EndpointObservation } from '../model';

export interface CommandBlock {
  /** the endpoint this block is about (undefined when the TRY line named no host) */
  readonly endpoint: EndpointObservation | undefined;
  /** one output line: `t` is trimmed and capped, `lineNo` 1-based */
  feed(lineNo: number, t: string): void;
  /** the block ended; `atEof` when the log ended inside it */
  finish(atEof: boolean): void;
  /** true once the block printed a result (used to tell an interrupted Linux run) */
  hasResult(): boolean;
}

/** "command not found" in bash (English / Japanese locale) and PowerShell's "not recognized". */
export function isCommandMissing(l: string, t: string): boolean {
  return (
    l.includes('command not found') ||
    l.includes('is not recognized as') ||
    l.includes('no such file or directory') ||
    t.includes('コマンドが見つかりません') ||
    t.includes('認識されません')
  );
}
