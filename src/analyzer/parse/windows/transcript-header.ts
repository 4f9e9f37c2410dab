// The Start-Transcript header (English and Japanese labels): start time, machine name and
// Windows build, the output file name (tells Backup from Site Recovery).
import { parseTranscriptStamp } from '../dates';
import type { LineText } from '../line-text';
import { keyOf, trimLine, valueOf } from '../text';
import { windowsVersion, type WindowsVersion } from './windows-version';

export interface HeaderFacts {
  startedAt?: string;
  host?: string;
  version?: WindowsVersion;
}

const START_KEYS = new Set(['starttime', '開始時刻', '開始日時']);
const MACHINE_KEYS = new Set(['machine', 'コンピューター', 'コンピュータ', 'コンピューター名', 'マシン']);

/** Reads one header line into `facts`; returns true when it was a header label we know. */
export function readHeaderLine(t: string, l: string, facts: HeaderFacts): boolean {
  const key = keyOf(t);
  if (START_KEYS.has(key)) {
    const v = parseTranscriptStamp(valueOf(t));
    if (v !== undefined && facts.startedAt === undefined) facts.startedAt = v;
    return true;
  }
  const nt = l.indexOf('windows nt ');
  if (MACHINE_KEYS.has(key) || nt !== -1) {
    const v = valueOf(t);
    const paren = v.indexOf('(');
    const host = trimLine(paren === -1 ? v : v.slice(0, paren));
    if (host && facts.host === undefined && !host.includes(' ')) facts.host = host;
    if (nt !== -1 && facts.version === undefined) {
      const ver = windowsVersion(t.slice(nt + 'windows nt '.length));
      if (ver) facts.version = ver;
    }
    return true;
  }
  return false;
}

/** `Windows PowerShell transcript end` / `… トランスクリプト終了`. */
export function isTranscriptEnd(l: string, t: string): boolean {
  return l.includes('transcript end') || t.includes('トランスクリプト終了');
}

/** The script's completion line (`-----Script Completed----- <date>`, older "ScriptStart Completed"). */
export function isCompletionLine(line: LineText): boolean {
  // "-----Script Completed-----", "##### Script Completed", "ScriptStart Completed": the cheap test first
  const c = line.t.charCodeAt(0);
  if (!(c === 0x2d || c === 0x23 || c === 0x3d || c === 0x2a || line.startsWith('script'))) return false;
  if (line.lowerLength() > 200) return false;
  const i = line.indexOf('completed');
  return i !== -1 && line.lastIndexOf('script', i) !== -1;
}
