// Entry point of the parsing stage: detect the family, run its parser.
import { detectFamily } from './detect-kind';
import { forEachLine } from './lines';
import { evidence, trimLine } from './text';
import { newTlsObservation, type ParsedLog } from './model';
import { parseLinux } from './linux/parse-linux';
import { parseWindows } from './windows/parse-windows';

export function parseLog(text: string): ParsedLog {
  const family = detectFamily(text);
  if (family === 'windows') return parseWindows(text);
  if (family === 'linux') return parseLinux(text);
  let first: { line: number; raw: string } | undefined;
  const lineCount = forEachLine(text, (no, raw) => {
    if (first === undefined && trimLine(raw.length > 1000 ? raw.slice(0, 1000) : raw).length > 0) first = { line: no, raw };
  });
  const out: ParsedLog = {
    kind: 'unknown',
    lineCount,
    complete: false,
    endpoints: [],
    proxy: [],
    tls: newTlsObservation(),
    checksSeen: [],
    accessDenied: [],
    deniedContexts: [],
  };
  if (first !== undefined) out.firstLine = evidence(first.line, first.raw);
  return out;
}
