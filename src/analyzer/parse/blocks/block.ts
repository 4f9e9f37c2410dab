// A command block: the output that follows one TRY line, up to the next TRY line or heading.
// Each kind of command has its own reader; all of them write into the endpoint table.
import type { LineText } from '../line-text';
import type { EndpointObservation } from '../model';

export interface CommandBlock {
  /** the endpoint this block is about (undefined when the TRY line named no host) */
  readonly endpoint: EndpointObservation | undefined;
  /** one output line (`line.t` trimmed and capped), `lineNo` 1-based */
  feed(lineNo: number, line: LineText): void;
  /** the block ended; `atEof` when the log ended inside it */
  finish(atEof: boolean): void;
  /** true once the block printed a result (used to tell an interrupted Linux run) */
  hasResult(): boolean;
}

/** "command not found" in bash (English / Japanese locale) and PowerShell's "not recognized". */
export function isCommandMissing(line: LineText): boolean {
  const t = line.t;
  return (
    // each English message has a space: most output lines (separators) are ruled out without a search
    (t.includes(' ') && (line.includes('command not found') || line.includes('is not recognized as') || line.includes('no such file or directory'))) ||
    t.includes('コマンドが見つかりません') ||
    t.includes('認識されません')
  );
}
